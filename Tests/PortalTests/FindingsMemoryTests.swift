import Content
import Crypto
import Foundation
import Moderation
import Review
import Testing

/// `moderate` remembers what it found in each file (``FindingsMemory``): never to pass a file it has not scanned as it is now.
struct FindingsMemoryTests {
    /// The fixture's lexicon as `moderate` reads it: the moderator, and the basis of a memory made with it.
    private func lexicon(of fixture: borrowing ProvinceFixture) throws -> (moderator: Moderator, basis: String) {
        var bytes: [String: Data?] = [:]
        let lexicon = try Lexicon.load(directory: fixture.content + "/lexicon") { file in
            let read = FileManager.default.contents(atPath: file)
            bytes[file] = .some(read)
            return read
        }
        return (Moderator(lexicon: lexicon), FindingsMemory.basis(lexicon: bytes, contacts: .empty))
    }

    private func seal(_ fixture: borrowing ProvinceFixture, _ name: String) throws -> CacheSeal {
        try #require(CacheSeal.keyFile(fixture.root + "/keys-\(name)/cache-key"))
    }

    /// One run of `moderate` over `files` with the memory at `file`: the report, the memory written back.
    private func run(_ files: [String], moderator: Moderator, basis: String, memory file: String, seal: CacheSeal) throws -> ModerationReport {
        var memory = FindingsMemory.read(from: file, basis: basis, seal: seal)
        let report = try ModerationReport.scan(files: files, with: moderator, memory: &memory)
        memory.write(to: file, seal: seal)
        return report
    }

    @Test func aFileEditedSinceTheLastRunIsScannedAgain() throws {
        let fixture = try ProvinceFixture()
        let answer = fixture.root + "/answer.md"
        let file = FindingsMemory.file(forContent: fixture.content)
        let (moderator, basis) = try lexicon(of: fixture)
        let seal = try seal(fixture, "user")
        try fixture.write("请按时接种疫苗。\n", to: "answer.md")
        #expect(try !run([answer], moderator: moderator, basis: basis, memory: file, seal: seal).hasBlockingFindings)
        #expect(FileManager.default.fileExists(atPath: file))

        // The same size, the same path, written within the same second: only the bytes tell.
        try fixture.write("请按内部资料接种。\n", to: "answer.md")
        let report = try run([answer], moderator: moderator, basis: basis, memory: file, seal: seal)
        #expect(report.hasBlockingFindings, "\(report.documents.map(\.findings))")
        #expect(report.documents.map(\.findings) == (try ModerationReport.scan(files: [answer], with: moderator)).documents.map(\.findings))
    }

    @Test func anUnchangedFileIsTakenFromTheMemoryOnlyUnderTheSameLexicon() throws {
        let fixture = try ProvinceFixture()
        let answer = fixture.root + "/answer.md"
        let file = FindingsMemory.file(forContent: fixture.content)
        let seal = try seal(fixture, "user")
        try fixture.write("本答复属于内部资料。\n", to: "answer.md")
        let (moderator, basis) = try lexicon(of: fixture)
        let first = try run([answer], moderator: moderator, basis: basis, memory: file, seal: seal)
        #expect(first.hasBlockingFindings)

        // The term no longer classified: a moderator that would find nothing is not asked while the memory
        // answers for the file, and is once the memory's basis (the lexicon's bytes) is not the lexicon's.
        try fixture.edit("Content/lexicon/classified.txt", replacing: "内部资料", with: "内部资讯")
        let (cleared, clearedBasis) = try lexicon(of: fixture)
        #expect(try ModerationReport.scan(files: [answer], with: cleared).hasBlockingFindings == false)
        #expect(try run([answer], moderator: cleared, basis: basis, memory: file, seal: seal).documents.map(\.findings)
                == first.documents.map(\.findings))
        #expect(try !run([answer], moderator: cleared, basis: clearedBasis, memory: file, seal: seal).hasBlockingFindings)
    }

    /// Whoever can write the project folder but not the user's home cannot make `moderate` pass a classified file.
    @Test func aMemorySealedWithAnotherKeyOrDamagedIsNotRead() throws {
        let fixture = try ProvinceFixture()
        let answer = fixture.root + "/answer.md"
        let file = FindingsMemory.file(forContent: fixture.content)
        try fixture.write("本答复属于内部资料。\n", to: "answer.md")
        let (moderator, basis) = try lexicon(of: fixture)
        // A forged memory: the classified file's very bytes, found clean, under the right basis, sealed with another key.
        try fixture.edit("Content/lexicon/classified.txt", replacing: "内部资料", with: "内部资讯")
        let (cleared, _) = try lexicon(of: fixture)
        try fixture.edit("Content/lexicon/classified.txt", replacing: "内部资讯", with: "内部资料")
        let forger = try seal(fixture, "forger")
        #expect(try !run([answer], moderator: cleared, basis: basis, memory: file, seal: forger).hasBlockingFindings)
        #expect(FindingsMemory.read(from: file, basis: basis, seal: forger).findings(of: answer, sha256: SHA256.hex(Data("本答复属于内部资料。\n".utf8))) == [])

        let user = try seal(fixture, "user")
        #expect(try run([answer], moderator: moderator, basis: basis, memory: file, seal: user).hasBlockingFindings)

        // The user's own memory, clean for these bytes (made with the cleared lexicon, filed under the real basis), one byte flipped.
        try FileManager.default.removeItem(atPath: file)
        _ = try run([answer], moderator: cleared, basis: basis, memory: file, seal: user)
        #expect(FindingsMemory.read(from: file, basis: basis, seal: user).findings(of: answer, sha256: SHA256.hex(Data("本答复属于内部资料。\n".utf8))) == [])
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(try run([answer], moderator: moderator, basis: basis, memory: file, seal: user).hasBlockingFindings)
    }
}
