import Content
import Crypto
import Foundation
import Glibc
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

    /// A fixture with `answer.md` beside its content folder, the user's key, and where the memory goes.
    private struct Bench: ~Copyable {
        let fixture: ProvinceFixture
        let seal: CacheSeal
        var answer: String { fixture.root + "/answer.md" }
        var file: String { FindingsMemory.file(forContent: fixture.content) }

        init(answer text: String) throws {
            let fixture = try ProvinceFixture()
            try fixture.write(text, to: "answer.md")
            seal = try #require(CacheSeal.keyFile(fixture.root + "/keys-user/cache-key"))
            self.fixture = fixture
        }
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
        let bench = try Bench(answer: "请按时接种疫苗。\n")
        let (moderator, basis) = try lexicon(of: bench.fixture)
        #expect(try !run([bench.answer], moderator: moderator, basis: basis, memory: bench.file, seal: bench.seal).hasBlockingFindings)
        #expect(FileManager.default.fileExists(atPath: bench.file))

        // The same size, the same path, written within the same second: only the bytes tell.
        try bench.fixture.write("请按内部资料接种。\n", to: "answer.md")
        let report = try run([bench.answer], moderator: moderator, basis: basis, memory: bench.file, seal: bench.seal)
        #expect(report.hasBlockingFindings, "\(report.documents.map(\.findings))")
        #expect(report.documents.map(\.findings) == (try ModerationReport.scan(files: [bench.answer], with: moderator)).documents.map(\.findings))
    }

    @Test func anUnchangedFileIsTakenFromTheMemoryOnlyUnderTheSameLexicon() throws {
        let bench = try Bench(answer: "本答复属于内部资料。\n")
        let (moderator, basis) = try lexicon(of: bench.fixture)
        let first = try run([bench.answer], moderator: moderator, basis: basis, memory: bench.file, seal: bench.seal)
        #expect(first.hasBlockingFindings)

        // The term no longer classified: a moderator that would find nothing is not asked while the memory
        // answers for the file, and is once the memory's basis (the lexicon's bytes) is not the lexicon's.
        try bench.fixture.edit("Content/lexicon/classified.txt", replacing: "内部资料", with: "内部资讯")
        let (cleared, clearedBasis) = try lexicon(of: bench.fixture)
        #expect(try ModerationReport.scan(files: [bench.answer], with: cleared).hasBlockingFindings == false)
        #expect(try run([bench.answer], moderator: cleared, basis: basis, memory: bench.file, seal: bench.seal).documents.map(\.findings)
                == first.documents.map(\.findings))
        #expect(try !run([bench.answer], moderator: cleared, basis: clearedBasis, memory: bench.file, seal: bench.seal).hasBlockingFindings)
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
        #expect(FindingsMemory.read(from: file, basis: basis, seal: forger).findings(of: answer, scope: "media", sha256: SHA256.hex(Data("本答复属于内部资料。\n".utf8))) == [])

        let user = try seal(fixture, "user")
        #expect(try run([answer], moderator: moderator, basis: basis, memory: file, seal: user).hasBlockingFindings)

        // The user's own memory, clean for these bytes (made with the cleared lexicon, filed under the real basis), one byte flipped.
        try FileManager.default.removeItem(atPath: file)
        _ = try run([answer], moderator: cleared, basis: basis, memory: file, seal: user)
        #expect(FindingsMemory.read(from: file, basis: basis, seal: user).findings(of: answer, scope: "media", sha256: SHA256.hex(Data("本答复属于内部资料。\n".utf8))) == [])
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(try run([answer], moderator: moderator, basis: basis, memory: file, seal: user).hasBlockingFindings)
    }

    /// The memory quotes callers' numbers: readable by the user alone, forgetting files that are gone, leaving
    /// nothing of a killed run behind.
    @Test func theMemoryIsTheUsersAloneAndForgetsFilesThatAreGone() throws {
        let fixture = try ProvinceFixture()
        let (gone, kept) = (fixture.root + "/gone.md", fixture.root + "/kept.md")
        let file = FindingsMemory.file(forContent: fixture.content)
        let (moderator, basis) = try lexicon(of: fixture)
        let seal = try seal(fixture, "user")
        try fixture.write("来电人手机13912345678。\n", to: "gone.md")
        try fixture.write("请按时接种疫苗。\n", to: "kept.md")
        let leftover = file + ".12345.tmp"
        try fixture.write("13912345678", to: ".build-cache/" + (leftover as NSString).lastPathComponent)
        _ = try run([gone, kept], moderator: moderator, basis: basis, memory: file, seal: seal)
        var status = stat()
        #expect(stat(file, &status) == 0 && status.st_mode & 0o077 == 0, "mode \(String(status.st_mode, radix: 8))")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        let sha = SHA256.hex(Data("来电人手机13912345678。\n".utf8))
        #expect(FindingsMemory.read(from: file, basis: basis, seal: seal).findings(of: gone, scope: "media", sha256: sha) != nil)

        try FileManager.default.removeItem(atPath: gone)
        _ = try run([kept], moderator: moderator, basis: basis, memory: file, seal: seal)
        #expect(FindingsMemory.read(from: file, basis: basis, seal: seal).findings(of: gone, scope: "media", sha256: sha) == nil)
        #expect(!(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)).contains("13912345678"))
    }

    /// Findings made while the program or OpenCC's tables changed (an upgrade during the run) are not filed
    /// under the stamp the run started with, nor under the new one.
    @Test func nothingIsWrittenWhenTheProgramChangedDuringTheRun() throws {
        let bench = try Bench(answer: "请按时接种疫苗。\n")
        let (moderator, basis) = try lexicon(of: bench.fixture)
        var memory = FindingsMemory.read(from: bench.file, basis: basis, seal: bench.seal)
        _ = try ModerationReport.scan(files: [bench.answer], with: moderator, memory: &memory)
        memory.write(to: bench.file, seal: bench.seal, programUnchanged: false)
        #expect(!FileManager.default.fileExists(atPath: bench.file))
        memory.write(to: bench.file, seal: bench.seal)
        #expect(FileManager.default.fileExists(atPath: bench.file))
    }

    /// A file's scope is the folder of the content's `answers/` it lies in, as written and as the file system resolves
    /// it: where the two disagree, or it lies in none, only the province's numbers pass. Nanjing's number written
    /// without its area code passes in Nanjing's own answer only.
    @Test func aFileHasTheScopeOfItsAnswersFolderOnlyWhenWrittenAndResolvedAgree() throws {
        let fixture = try ProvinceFixture()
        try fixture.write(ContactDirectoryTests.directory, to: "Content/lexicon/contacts.yml")
        let contacts = try ContactDirectoryLoader.load(contentDirectory: fixture.content,
                                                       province: ProvinceLoader.load(file: fixture.content + "/portal.yml"))
        let text = "联系电话：83106666。\n"
        let answers = fixture.root + "/answers"
        for path in ["answers/province/p.md", "answers/nj/q.md", "answers/nj/C/media/t.txt"] { try fixture.write(text, to: path) }
        #expect(symlink("nj", answers + "/yc") == 0)
        #expect(symlink("../province/p.md", answers + "/nj/link.md") == 0)
        let (moderator, _) = try lexicon(of: fixture)
        let blocks = { (path: String, answers: String) in
            try ModerationReport.scan(files: [fixture.root + path], with: moderator, contacts: contacts, answers: answers)
                .hasBlockingFindings
        }
        #expect(try !blocks("/answers/nj/q.md", answers), "the control: Nanjing's answer may show it")
        #expect(try !blocks("/answers/province/../nj/./q.md", answers))
        #expect(try blocks("/answers/province/p.md", answers))
        #expect(try blocks("/answers/nj/../province/p.md", answers))
        #expect(try blocks("/answers/yc/q.md", answers), "Nanjing's answer through a folder named for Yancheng")
        #expect(try blocks("/answers/nj/link.md", answers), "a provincial answer through a link in Nanjing's folder")
        #expect(try blocks("/answers/nj/C/media/t.txt", answers + "/nj/C/answers"), "a transcript of content kept in a folder named answers/nj")
        #expect(try blocks("/answers/nj/q.md", fixture.content + "/answers"), "not in the content's answers folder")
    }
}
