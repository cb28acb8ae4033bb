@testable import Content
import Diagnostics
import Foundation
import Glibc
import Moderation
@testable import Review
import Publish
@testable import Site
import TestSupport
import Testing

/// What a build leaves in `.build-cache/<output>.memory/` for the next: the
/// next build must publish what a build from nothing publishes, and a
/// memory not sealed with the user's key is never believed.
struct BuildMemoryFileTests {
    /// Every file of the sites (search indexes included), rendered, with a memory read back from `output`'s file.
    private func rendered(_ fixture: borrowing ProvinceFixture, seal: CacheSeal?) async throws -> [String: [UInt8]] {
        let memory = seal.map { BuildMemory.restored(for: fixture.output, seal: $0) }
        let content = try ContentLoader.load(directory: fixture.content, cache: memory?.answers)
        let pages = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: "", memory: memory).pages()
        var files: [String: [UInt8]] = [:]
        for file in pages.files + pages.search() { files[file.path] = try file.make() }
        memory?.save(for: fixture.output, seal: seal)
        return files
    }

    private func seal(_ fixture: borrowing ProvinceFixture, _ name: String) throws -> CacheSeal {
        try #require(CacheSeal.keyFile(fixture.root + "/keys-\(name)/cache-key"))
    }

    /// The memory of a build of every city of `fixture`'s content, saved, sealed with `seal`.
    private func saveMemory(of fixture: borrowing ProvinceFixture, seal: CacheSeal) throws {
        let memory = BuildMemory()
        _ = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        memory.save(for: fixture.output, seal: seal)
    }

    @Test(arguments: BuildMemoryTests.Edit.allCases)
    func aBuildFromTheMemoryFileGivesThePagesOfABuildFromNothing(_ edit: BuildMemoryTests.Edit) async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        let before = try await rendered(fixture, seal: seal)
        #expect(!BuildMemory.restored(for: fixture.output, seal: seal).answers.answersByFile.isEmpty, "nothing was kept")
        try edit.apply(to: fixture)
        let remembered = try await rendered(fixture, seal: seal)
        BuildMemoryTests.expect(remembered, before: before, sameAs: try await rendered(fixture, seal: nil))
        // And the memory that build left (unchanged answers written again as they were read) gives the same once more.
        #expect(try await rendered(fixture, seal: seal) == remembered)
    }

    @Test func answersComeBackFieldForField() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        memory.save(for: fixture.output, seal: seal)
        let back = BuildMemory.restored(for: fixture.output, seal: seal).answers.answersByFile
        #expect(back.count == content.answers.count)
        for answer in content.answers {
            let copy = try #require(back[answer.file])
            #expect(copy !== answer)
            // Read before the texts are decoded: the length kept for the body, which must be the body's.
            #expect(copy.bodyByteCount == answer.body.utf8.count)
            #expect(copy.scope == answer.scope && copy.id == answer.id && copy.title == answer.title && copy.category == answer.category)
            #expect(copy.updated == answer.updated && copy.visibility == answer.visibility && copy.overrides == answer.overrides)
            #expect(copy.bodyLine == answer.bodyLine && copy.tags == answer.tags && copy.media == answer.media && copy.body == answer.body)
            #expect(copy.file == answer.file && copy.keyLines == answer.keyLines && copy.source == answer.source && copy.fileHash == answer.fileHash)
            #expect(copy.readerTexts == answer.readerTexts && copy.answerLinks == answer.answerLinks && copy.mediaReferences == answer.mediaReferences)
            // The body is kept as the end of the source, as read and as read back: not a second copy.
            #expect(answer.lengthOfBodyEndingSource == answer.body.utf8.count)
            #expect(copy.lengthOfBodyEndingSource == answer.body.utf8.count)
        }
    }

    /// A build gives up the answers' reader's texts once the gate has decided: moderation was the last to read
    /// them (they are nearly a fifth of what a province's answers hold); asked for again, they are what was read.
    @Test func aBuildGivesUpTheReadersTextsOnceTheGateHasDecidedAndTheyComeBackAsRead() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        let read = content.answers.map(\.readerTexts)
        #expect(!content.answers.isEmpty && content.answers.allSatisfy(\.holdsReaderTexts))
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output, memory: memory).run()
        #expect(content.answers.allSatisfy { !$0.holdsReaderTexts })
        #expect(content.answers.map(\.readerTexts) == read)
        // What the memory kept of them is what was read too.
        memory.save(for: fixture.output, seal: seal)
        let back = BuildMemory.restored(for: fixture.output, seal: seal).answers.answersByFile
        #expect(content.answers.map { back[$0.file]?.readerTexts } == read)
    }

    /// The memory keeps no reader's texts: when the lexicon grows, an answer read back from it is scanned as
    /// readers see it, derived from its source, so a term the file spells with a YAML escape (which only the
    /// reader's view decodes) is still found.
    @Test func aTermOnlyReadersSeeIsFoundInAnAnswerReadBackWhenTheLexiconGrows() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？",
                         with: "title: \"流感疫苗每年都要接种吗？夜间\\u6025诊\"")
        let before = try await rendered(fixture, seal: seal)
        #expect(before.keys.contains { $0.hasSuffix("/answers/flu/index.html") }, "published before the lexicon grows")
        try fixture.write(try fixture.read("Content/lexicon/classified.txt") + "夜间急诊\t测试\n", to: "Content/lexicon/classified.txt")
        let memory = BuildMemory.restored(for: fixture.output, seal: seal)
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        let flu = try #require(content.answers.first { $0.id == "flu" && $0.scope == .province })
        #expect(!flu.holdsReaderTexts, "read back from the memory, not from the file")
        let pages = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: "", memory: memory).pages()
        #expect(!pages.files.contains { $0.path.hasSuffix("/answers/flu/index.html") })
        #expect(pages.heldBack.contains { $0.item.reference == "province/flu" })
    }

    /// The findings that block an answer come back with it; a memory sealed
    /// with another key, or damaged, is read as nothing, never in part.
    @Test(arguments: ["another key", "a byte changed", "cut short"])
    func aMemoryNotSealedByThisUserIsNotBelieved(_ attack: String) async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "内部资料建议每年接种一次")
        let user = try seal(fixture, "user")
        let other = try seal(fixture, "other")
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        let flu = try #require(content.answers.first { $0.id == "flu" })
        // What a forger would write: the answer as it is, but without its findings.
        _ = try memory.findings.moderator(for: fixture.content)
        memory.findings.use(contacts: "\(content.contacts.entries)")
        for answer in content.answers { _ = memory.findings.findings(of: answer) { [] } }
        memory.save(for: fixture.output, seal: attack == "another key" ? other : user)
        // The province's file (flu's scope): each file is believed whole or not at all.
        let file = BuildMemory.file(for: fixture.output) + "/province"
        var bytes = try #require(FileManager.default.contents(atPath: file))
        if attack == "a byte changed" { bytes[bytes.count / 2] ^= 0x01 }
        if attack == "cut short" { bytes = bytes.prefix(bytes.count - 1) }
        try bytes.write(to: URL(fileURLWithPath: file))
        let restored = BuildMemory.restored(for: fixture.output, seal: user)
        #expect(!restored.answers.answersByFile.values.contains { $0.scope == .province })
        #expect(restored.answers.answersByFile.isEmpty == (attack == "another key"))
        let again = try ContentLoader.load(directory: fixture.content, cache: restored.answers)
        let board = try ReviewBoard(content: again, cache: restored.findings)
        let review = try #require(board.reviews.first { $0.answer.file == flu.file })
        #expect(review.findings.contains { $0.rule == .classified }, "the forged memory was believed")
    }

    /// One file per scope: a build that changed one Nanjing answer writes Nanjing's file again, and no other.
    @Test func onlyTheFileOfTheScopeThatChangedIsWrittenAgain() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        _ = try await rendered(fixture, seal: seal)
        let folder = BuildMemory.file(for: fixture.output)
        func inodes() throws -> [String: UInt64] {
            var result: [String: UInt64] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")
                result[name] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            }
            return result
        }
        let before = try inodes()
        #expect(Set(before.keys).isSuperset(of: ["province", "city-nj", "city-sz"]))
        _ = try await rendered(fixture, seal: seal)
        #expect(try inodes() == before, "a build with nothing changed wrote its memory again")
        try fixture.edit("Content/answers/nj/nj-clinic.md", replacing: "NANJING-CLINIC-TEXT", with: "NANJING-CLINIC-EDITED")
        _ = try await rendered(fixture, seal: seal)
        let after = try inodes()
        #expect(after["city-nj"] != before["city-nj"])
        // Nanjing's file and the fronts of its answers beside it: nothing else.
        #expect(after.filter { !$0.key.hasPrefix("city-nj") } == before.filter { !$0.key.hasPrefix("city-nj") })
        // And what it wrote reads back.
        let nanjing = BuildMemory.restored(for: fixture.output, seal: seal).answers.answersByFile.values.filter { $0.scope == .city("nj") }
        #expect(nanjing.contains { $0.body.contains("NANJING-CLINIC-EDITED") })
    }

    /// A `--city` build reads only the fronts of the other cities' answers, to
    /// check them: such an answer, without its texts, is never what a build of
    /// its city gets (that would publish and moderate an empty text), and the
    /// `--city` build leaves the other cities' files whole for the next build.
    @Test func anotherCitysAnswersReadAsFrontsAreCheckedNeverBuilt() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        let suzhou = fixture.content + "/answers/sz/sz-insurance.md"
        try saveMemory(of: fixture, seal: seal)

        let partial = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
        #expect(partial.files.filesReadAsFronts == ["city-sz": true])
        _ = try ContentLoader.load(directory: fixture.content, cache: partial.answers, cities: ["nj"])
        // The same memory, for a build of every city: Suzhou's answer is read from its file, all of it.
        let all = try ContentLoader.load(directory: fixture.content, cache: BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal).answers)
        let answer = try #require(all.answers.first { $0.file == suzhou })
        #expect(answer.source == (try fixture.read("Content/answers/sz/sz-insurance.md")) && answer.body.contains("SUZHOU-OVERRIDE-TEXT"))
        // What the `--city` build saves keeps Suzhou's answers whole for the next build of every city.
        partial.save(for: fixture.output, seal: seal)
        let next = BuildMemory.restored(for: fixture.output, seal: seal)
        #expect(next.files.filesReadAsFronts.isEmpty)
        #expect(next.answers.answersByFile[suzhou]?.body.contains("SUZHOU-OVERRIDE-TEXT") == true)

        // A problem of Suzhou's kept in the memory (a link to no answer) is found from its front.
        try fixture.edit("Content/answers/sz/sz-insurance.md", replacing: "报销。", with: "报销，见[说明](answer:no-such-answer)。")
        let withLink = BuildMemory()
        _ = try? ContentLoader.load(directory: fixture.content, cache: withLink.answers)
        withLink.save(for: fixture.output, seal: seal)
        let nanjing = try ContentLoader.load(directory: fixture.content, cache: BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal).answers,
                                             cities: ["nj"])
        #expect(nanjing.otherCitiesIssues.contains { $0.file == suzhou && $0.message.contains("no-such-answer") })
    }

    /// The fronts are sealed like the rest (a forged one could hide another city's problems):
    /// fronts sealed with another key, or damaged, are read as nothing. The control, the same
    /// fronts sealed with the user's key believed, is in the test above.
    @Test(arguments: ["another key", "a byte changed"])
    func frontsNotSealedByThisUserAreNotBelieved(_ attack: String) throws {
        let fixture = try ProvinceFixture()
        let user = try seal(fixture, "user")
        try saveMemory(of: fixture, seal: attack == "another key" ? try seal(fixture, "other") : user)
        let file = BuildMemory.file(for: fixture.output) + "/city-sz.front"
        var bytes = try #require(FileManager.default.contents(atPath: file))
        if attack == "a byte changed" { bytes[bytes.count / 2] ^= 0x01 }
        try bytes.write(to: URL(fileURLWithPath: file))
        let restored = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: user)
        #expect(restored.files.filesReadAsFronts == ["city-sz": false])
        #expect(!restored.answers.answersByFile.isEmpty == (attack == "a byte changed"))
    }

    /// Another city's fronts that cannot be read (damaged, or lost to a build killed between writing a
    /// scope's two files) cost that city's files nothing: a `--city` build leaves its answers' file as it
    /// is and removes the fronts, which the next build of every city writes again.
    @Test func anotherCitysFrontsThatCannotBeReadAreWrittenAgainAndItsFileKept() throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        try saveMemory(of: fixture, seal: seal)
        let front = BuildMemory.file(for: fixture.output) + "/city-sz.front"
        var bytes = try #require(FileManager.default.contents(atPath: front))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: front))

        let partial = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
        _ = try ContentLoader.load(directory: fixture.content, cache: partial.answers, cities: ["nj"])
        partial.save(for: fixture.output, seal: seal)
        #expect(!FileManager.default.fileExists(atPath: front))
        let suzhou = fixture.content + "/answers/sz/sz-insurance.md"
        let full = BuildMemory.restored(for: fixture.output, seal: seal)
        #expect(full.answers.answersByFile[suzhou] != nil, "the --city build dropped Suzhou's file")
        _ = try ContentLoader.load(directory: fixture.content, cache: full.answers)
        full.save(for: fixture.output, seal: seal)
        #expect(BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal).files.filesReadAsFronts == ["city-sz": true])
    }

    /// After an upgrade every file of the memory is another program's: a `--city` build writes the
    /// other cities' fronts again from those it read to check them, so that the next `--city` build
    /// reads them back instead of every answer of those cities; their answers' file goes, and the next
    /// build of every city writes both again, the fronts with the answers' links (which fronts read
    /// from the front matter alone lack).
    @Test func anotherProgramsFrontsAreWrittenAgainByACityBuild() throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        try saveMemory(of: fixture, seal: seal)
        let folder = BuildMemory.file(for: fixture.output)
        var archive = ArchiveWriter()
        archive.text(BuildMemory.frontHeader)
        archive.text(BuildMemory.executable + " of another version")
        let file = try #require(seal.file(at: folder + "/city-sz.front"))
        file.write(archive.bytes[...])
        #expect(file.commit())
        // A link of Suzhou's to no answer: found from the answers' links, which fronts of the front matter alone lack.
        try fixture.edit("Content/answers/sz/sz-insurance.md", replacing: "报销。", with: "报销，见[说明](answer:no-such-answer)。")

        let partial = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
        #expect(partial.files.frontsOfAnotherProgram == ["city-sz"])
        _ = try ContentLoader.load(directory: fixture.content, cache: partial.answers, cities: ["nj"])
        partial.save(for: fixture.output, seal: seal)
        #expect(!FileManager.default.fileExists(atPath: folder + "/city-sz"))
        let next = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
        #expect(next.files.filesReadAsFronts == ["city-sz": true])
        let checked = try ContentLoader.load(directory: fixture.content, cache: next.answers, cities: ["nj"])
        #expect(next.answers.scopesWithFrontsRead.isEmpty, "Suzhou's answers were read again")
        let reread = try ContentLoader.load(directory: fixture.content, cities: ["nj"])
        #expect(checked.otherCitiesIssues.map(\.description) == reread.otherCitiesIssues.map(\.description))

        // The next build of every city writes Suzhou's answers and their whole fronts again.
        let full = BuildMemory.restored(for: fixture.output, seal: seal)
        _ = try? ContentLoader.load(directory: fixture.content, cache: full.answers)
        full.save(for: fixture.output, seal: seal)
        #expect(FileManager.default.fileExists(atPath: folder + "/city-sz"))
        let nanjing = try ContentLoader.load(directory: fixture.content, cache: BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal).answers,
                                             cities: ["nj"])
        #expect(nanjing.otherCitiesIssues.contains { $0.message.contains("no-such-answer") })
    }

    /// The content folder named another way (`Content`, `./Content`, its full path) names every answer's file
    /// another way too, so none of the fronts kept is found: a `--city` build reads those cities' answers
    /// again, and writes their fronts again as it read them, so that the next one does not.
    @Test func frontsReadAgainFromTheirFilesAreWrittenAgainByACityBuild() throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        try saveMemory(of: fixture, seal: seal)
        let content = PathText.parent(of: fixture.content) + "/./" + (fixture.content as NSString).lastPathComponent
        for round in 1...2 {
            let partial = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
            _ = try ContentLoader.load(directory: content, cache: partial.answers, cities: ["nj"])
            #expect(partial.answers.scopesWithFrontsRead == (round == 1 ? [.city("sz")] : []))
            partial.save(for: fixture.output, seal: seal)
        }
    }

    /// The control: the same memory, sealed with the user's key, is believed (so the test above can fail).
    /// A scope's file is left as it is only while it holds exactly what would be written: an
    /// answer gone, or findings scanned again under a grown lexicon, write it again.
    @Test func aScopeWithAnAnswerGoneOrItsFindingsScannedAgainIsWrittenAgain() async throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture, "user")
        _ = try await rendered(fixture, seal: seal)
        try FileManager.default.removeItem(atPath: fixture.content + "/answers/nj/nj-clinic.md")
        _ = try await rendered(fixture, seal: seal)
        var back = BuildMemory.restored(for: fixture.output, seal: seal).answers.answersByFile
        #expect(!back.keys.contains { $0.hasSuffix("/nj-clinic.md") }, "the memory still holds a removed answer")
        #expect(back.keys.contains { $0.hasSuffix("/nj-reply.md") })
        // A term of flu.md added to the lexicon: every scope is scanned again, and each file holds the new findings.
        try fixture.write(try fixture.read("Content/lexicon/classified.txt") + "接种一次\t测试\n", to: "Content/lexicon/classified.txt")
        _ = try await rendered(fixture, seal: seal)
        let memory = BuildMemory.restored(for: fixture.output, seal: seal)
        back = memory.answers.answersByFile
        let flu = try #require(back.first { $0.key.hasSuffix("/province/flu.md") }?.value)
        let findings = memory.findings.findings(of: flu) { [] }
        #expect(findings.contains { $0.term == "接种一次" }, "the memory kept the findings of the old lexicon")
    }

    @Test func aMemorySealedByThisUserIsBelieved() async throws {
        let fixture = try ProvinceFixture()
        let user = try seal(fixture, "user")
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        _ = try memory.findings.moderator(for: fixture.content)
        memory.findings.use(contacts: "\(content.contacts.entries)")
        let marker = Finding(rule: .sensitive, term: "标记", matched: "标记", line: 1, column: 1, label: nil)
        for answer in content.answers { _ = memory.findings.findings(of: answer) { [marker] } }
        memory.save(for: fixture.output, seal: user)
        let restored = BuildMemory.restored(for: fixture.output, seal: user)
        let again = try ContentLoader.load(directory: fixture.content, cache: restored.answers)
        let board = try ReviewBoard(content: again, cache: restored.findings)
        #expect(board.reviews.allSatisfy { $0.findings == [marker] })
    }

    /// A key others can read (or that is not the user's own file) is no key: nothing is cached rather than sealed with it.
    @Test func aKeyOthersCanReadIsNotUsed() throws {
        let fixture = try ProvinceFixture()
        let file = fixture.root + "/keys/cache-key"
        #expect(CacheSeal.keyFile(file) != nil)
        #expect(chmod(file, 0o644) == 0)
        #expect(CacheSeal.keyFile(file) == nil)
        #expect(unlink(file) == 0 && symlink("/etc/hostname", file) == 0)
        #expect(CacheSeal.keyFile(file) == nil)
    }
}

/// One build at a time into an output folder.
struct BuildLockTests {
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let fixture = try ProvinceFixture()
        var lock = BuildLock.take(for: fixture.output)
        #expect(lock != nil)
        #expect(BuildLock.isHeld(for: fixture.output))
        lock = nil
        #expect(!BuildLock.isHeld(for: fixture.output))
        _ = lock
    }

    /// A link put where the lock file goes, to a file that does not exist, made that file (found by the attack on
    /// moderate's memory): the lock is never taken through a link.
    @Test func aLinkInPlaceOfTheLockFileIsNotFollowed() throws {
        let fixture = try ProvinceFixture()
        let victim = fixture.root + "/made-by-the-lock"
        try FileManager.default.createDirectory(atPath: fixture.root + "/.build-cache", withIntermediateDirectories: true)
        #expect(symlink(victim, BuildLock.file(for: fixture.output)) == 0)
        #expect(BuildLock.take(for: fixture.output) == nil)
        #expect(!FileManager.default.fileExists(atPath: victim))
    }

    /// `.build-cache` removed while a build runs lets a second build take a new lock at once (found by the attack on
    /// #15): the first then puts nothing in place.
    @Test func aBuildWhoseLockWasRemovedPutsNothingInPlace() async throws {
        let fixture = try ProvinceFixture()
        let lock = try #require(BuildLock.take(for: fixture.output))
        #expect(lock.isStillHeld)
        let content = try ContentLoader.load(directory: fixture.content)
        try FileManager.default.removeItem(atPath: fixture.root + "/.build-cache")
        #expect(!lock.isStillHeld)
        let refusal = await #expect(throws: OutputError.self) {
            try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output, lock: lock).run()
        }
        // What to do about this, not about a full disk.
        #expect(refusal?.hint?.contains("Build again once no other build runs") == true, "\(String(describing: refusal))")
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
        // A lock still in place: the same build puts its output in place.
        let held = try #require(BuildLock.take(for: fixture.output))
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output, lock: held).run()
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/www.js12320.cn/index.html"))
    }

    /// An output named through a link is the same output: the same lock.
    @Test func anOutputNamedThroughALinkTakesTheSameLock() throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/out", withDestinationPath: fixture.output)
        let lock = BuildLock.take(for: fixture.root + "/out")
        #expect(BuildLock.isHeld(for: fixture.output))
        withExtendedLifetime(lock) {}
    }

    /// A link to a large folder (`/`) is followed only so far: the signature says it is not complete.
    @Test func followingLinksStopsAtItsLimit() throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.createSymbolicLink(atPath: fixture.content + "/everything", withDestinationPath: fixture.root)
        let small = FolderSignature(folders: [fixture.content]).signatureThroughLinks(limit: 5)
        #expect(!small.complete)
        let whole = FolderSignature(folders: [fixture.content]).signatureThroughLinks()
        #expect(whole.complete && whole.stamps.keys.contains { $0.hasPrefix(fixture.content + "/everything/Templates/") })
    }
}

/// An answer read back from a build's memory decodes its texts when first
/// asked for. Should they not decode (the memory is sealed, so only a bug
/// could cause it), nothing moderation reads is dropped.
struct ArchivedAnswerTextsTests {
    private static let source = "---\nid: flu\ntitle: 流感疫苗\n---\n建议每年接种一次。\n\n内部<!---->资料\n"

    private func archived(_ write: (inout ArchiveWriter) -> Void) -> AnswerTexts.Archived {
        var writer = ArchiveWriter()
        write(&writer)
        return .init(bytes: writer.bytes[...], bodyEnd: "建议每年接种一次。\n\n内部<!---->资料\n".utf8.count, body: nil)
    }

    @Test func whatReadersSeeIsDerivedFromTheKeptSourceEvenADamagedOne() {
        let file = "answers/province/flu.md"
        let expected = ReaderView.texts(ofFile: file, text: Self.source)
        #expect(expected.contains { $0.lines.joined().contains("内部资料") }, "the reader's view joins the term")
        // The memory keeps the source, not the reader's texts: they are derived from it when asked for.
        let kept = AnswerTexts(archived: archived { writer in writer.text(Self.source) })
        #expect(kept.value.source == Self.source)
        #expect(kept.value.body == "建议每年接种一次。\n\n内部<!---->资料\n")
        #expect(!kept.holdsReaderTexts)
        #expect(kept.readerTexts(ofFile: file) == expected)
        // A source whose bytes are not UTF-8: read with the bad bytes replaced, and its reader's texts derived from that.
        let bytes = Array("---\nid: flu\ntitle: 流感疫苗\n---\n建议".utf8) + [0xFF] + Array("每年接种一次。\n\n内部<!---->资料\n".utf8)
        let damaged = AnswerTexts(archived: archived { writer in
            writer.int(bytes.count)
            writer.append(bytes[...])
        })
        #expect(damaged.value.source.contains("内部<!---->资料"))
        #expect(damaged.readerTexts(ofFile: file).contains { $0.lines.joined().contains("内部资料") })
        // Cut short inside the source: what is there is read, and what readers see derived from it.
        let cut = AnswerTexts(archived: archived { writer in
            writer.int(Self.source.utf8.count + 40)
            writer.append(Array(Self.source.utf8)[...])
        })
        #expect(cut.readerTexts(ofFile: file).contains { $0.lines.joined().contains("内部资料") })
    }
}

/// A key the build cannot use makes every build a full one, and every `moderate` run a first one, safely:
/// both say so, and how to fix it, instead of being slow for no reason given.
struct CacheKeyWarningTests {
    @Test func aKeyOthersCanReadIsNamedWithTheFix() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/cache-key"
        #expect(CacheSeal.problem(withKeyFile: file) == nil, "no key yet: one is made, nothing to say")
        #expect(CacheSeal.keyFile(file) != nil)
        #expect(CacheSeal.problem(withKeyFile: file) == nil)
        #expect(chmod(file, 0o644) == 0)
        let problem = try #require(CacheSeal.problem(withKeyFile: file))
        #expect(problem.hasPrefix(file + ": warning: "))
        #expect(problem.contains("chmod 600"))
        #expect(MessageCatalog.text(problem, in: .chinese).contains("缓存的密钥不是只有你本人能读取的你自己的文件"))
        #expect(chmod(file, 0o600) == 0)
        #expect(CacheSeal.problem(withKeyFile: file) == nil)
    }
}

/// An answer's body is kept as the end of its source where it is one (no
/// second copy): it reads back as given, whether or not it is, for any text.
struct AnswerTextsBodyTests {
    @Test(arguments: [
        ("---\nid: flu\n---\n建议每年接种一次。\n", "建议每年接种一次。\n"),
        ("---\nid: flu\n---\n建议每年接种一次。\n", "另一段文字"),
        ("---\nid: flu\n---\n", ""),
        ("短", "比来源更长的正文"),
        ("", "正文"),
        ("前文\u{FFFD}正文", "\u{FFFD}正文"),
        ("前文é", "e\u{301}"),
    ])
    func theBodyReadsBackAsGiven(_ source: String, _ body: String) {
        let texts = AnswerTexts(source: source, body: body, readerTexts: [])
        #expect(texts.value.body == body)
        #expect(Array(texts.value.body.utf8) == Array(body.utf8))
        #expect(texts.value.source == source)
        #expect(texts.bodyByteCount == body.utf8.count)
    }

    /// A body that is not the end of its source goes through the memory as a text of its own.
    @Test func aBodyThatIsNotTheEndOfTheSourceComesBackAsIs() throws {
        let answer = Answer(scope: .province, id: "flu", title: "流感疫苗", category: "vaccination", updated: try #require(Day("2024-04-16")),
                            visibility: .public, tags: [], overrides: nil, media: [], body: "另一段文字\n", bodyLine: 5,
                            file: "answers/province/flu.md", keyLines: [:], source: "---\nid: flu\n---\n建议每年接种一次。\n",
                            readerTexts: [], answerLinks: [], mediaReferences: [], fileHash: String(repeating: "0", count: 64))
        #expect(answer.lengthOfBodyEndingSource == nil)
        var writer = ArchiveWriter()
        answer.write(to: &writer)
        var reader = ArchiveReader(writer.bytes)
        let copy = try Answer.read(from: &reader)
        #expect(copy.body == "另一段文字\n" && copy.source == answer.source && copy.bodyByteCount == "另一段文字\n".utf8.count)
    }

    /// A kept body length that cuts a character of a repaired source: the body is the text that end decodes to.
    @Test func aKeptLengthInsideACharacterGivesTheTextItDecodesTo() {
        let source = "---\nid: flu\n---\n建议每年接种。\n"
        var writer = ArchiveWriter()
        writer.text(source)
        writer.int(0)
        // Two bytes into the three of 。
        let bodyEnd = "。\n".utf8.count - 1
        let texts = AnswerTexts(archived: .init(bytes: writer.bytes[...], bodyEnd: bodyEnd, body: nil))
        let expected = String(decoding: source.utf8.suffix(bodyEnd), as: UTF8.self)
        #expect(texts.value.body == expected)
        #expect(texts.value.bodyByteCount == expected.utf8.count)
    }

    @Test func seededTextsReadBackAsGiven() {
        var random = SplitMix64(seed: 12320)
        let pieces = ["建议", "接种", "\n", "---", "é", "e\u{301}", "👩‍⚕️", "a", " ", "\u{FFFD}"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        for _ in 0..<2_000 {
            let front = text(Int(random.next() % 6))
            let end = text(Int(random.next() % 6))
            // Half the time the body is the end of the source, else any text.
            let body = random.next() % 2 == 0 ? end : text(Int(random.next() % 6))
            let texts = AnswerTexts(source: front + end, body: body, readerTexts: [])
            #expect(Array(texts.value.body.utf8) == Array(body.utf8))
            #expect(texts.bodyByteCount == body.utf8.count)
        }
    }
}
