import Content
import Foundation
import Glibc
import Testing

/// A sealed cache file is written through a temporary file of its own: never through a link or a hard link
/// found at the temporary name (left by a killed writer with the same process number, or planted).
struct SealedFileTests {
    @Test(arguments: ["a link", "a hard link"])
    func aFileAtTheTemporaryNameIsReplacedNotWrittenThrough(_ kind: String) throws {
        let fixture = try ProvinceFixture()
        let seal = try #require(CacheSeal.keyFile(fixture.root + "/keys/cache-key"))
        let victim = fixture.root + "/victim.txt"
        try fixture.write("the user's own file\n", to: "victim.txt")
        let path = fixture.root + "/cache.bin"
        let temporary = "\(path).\(getpid()).tmp"
        #expect((kind == "a link" ? symlink(victim, temporary) : link(victim, temporary)) == 0)
        let file = try #require(seal.file(at: path))
        file.write(Array("sealed payload".utf8)[...])
        #expect(file.commit())
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "the user's own file\n")
        #expect(seal.payload(of: path) == Array("sealed payload".utf8))
        // Through FileManager, not `stat()`: which C module declares `struct stat` depends on the order a batch of
        // this target's files loads its modules, and a fresh build failed on it (MemberImportVisibility).
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
    }
}
