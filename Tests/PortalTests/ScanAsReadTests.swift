import Content
import Foundation
import Moderation
import Review
import Site
import Testing

/// `build` moderates each answer as it is read, with the lexicon and contact
/// directory as they were when it started (``FindingsCache/scanAsRead(by:contentDirectory:)``).
/// The board takes those findings only while both are as it reads them: one
/// edited meanwhile has every answer scanned again, with the edit.
struct ScanAsReadTests {
    /// The board of the fixture read as `build` reads it (sources given up to a spill file, read back to scan
    /// them again), `edit` made between the start and the reading.
    private func board(_ fixture: borrowing ProvinceFixture, editing edit: () throws -> Void) throws -> ReviewBoard {
        let memory = BuildMemory()
        memory.findings.scanAsRead(by: memory.answers, contentDirectory: fixture.content)
        memory.answers.giveUpReaderTextsAsRead()
        memory.answers.spillSourcesAsRead(to: try #require(SpillFile(directory: fixture.root)))
        try edit()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        return try ReviewBoard(content: content, cache: memory.findings)
    }

    @Test func aTermAddedToTheLexiconWhileTheAnswersAreReadIsFound() throws {
        let fixture = try ProvinceFixture()
        let unchanged = try board(fixture) {}
        #expect(try #require(unchanged.review(of: "province/flu")).blockingFindings.isEmpty)
        let board = try board(fixture) {
            let lexicon = try fixture.read("Content/lexicon/classified.txt")
            try fixture.write(lexicon + "\n每年都要接种\n", to: "Content/lexicon/classified.txt")
        }
        #expect(try #require(board.review(of: "province/flu")).blockingFindings.contains { $0.term == "每年都要接种" })
    }

    /// The findings made while reading are those of the lexicon the scanning started with: a later load by the
    /// same process, after the board moved on to an edited lexicon, does not file them as the new lexicon's.
    @Test func aLaterLoadAfterTheLexiconChangedKeepsNoFindingsOfTheOldOne() throws {
        let fixture = try ProvinceFixture()
        let memory = BuildMemory()
        memory.findings.scanAsRead(by: memory.answers, contentDirectory: fixture.content)
        memory.answers.giveUpReaderTextsAsRead()
        let lexicon = try fixture.read("Content/lexicon/classified.txt")
        try fixture.write(lexicon + "\n每年都要接种\n", to: "Content/lexicon/classified.txt")
        let first = try ReviewBoard(content: ContentLoader.load(directory: fixture.content, cache: memory.answers), cache: memory.findings)
        #expect(try #require(first.review(of: "province/flu")).blockingFindings.contains { $0.term == "每年都要接种" })
        // flu.md changed: read again, and scanned as read with the lexicon the scanning started with.
        let answer = "Content/answers/province/flu.md"
        try fixture.write(try fixture.read(answer) + "\n补充说明。\n", to: answer)
        let second = try ReviewBoard(content: ContentLoader.load(directory: fixture.content, cache: memory.answers), cache: memory.findings)
        #expect(try #require(second.review(of: "province/flu")).blockingFindings.contains { $0.term == "每年都要接种" })
    }

    /// The contact directory is `lexicon/contacts.yml`: its edit changes the lexicon folder's hash too.
    @Test func aNumberTakenOutOfTheContactDirectoryWhileTheAnswersAreReadIsACallersAgain() throws {
        let fixture = try ProvinceFixture()
        try fixture.write(ContactDirectoryTests.directory, to: "Content/lexicon/contacts.yml")
        let answer = "Content/answers/nj/nj-clinic.md"
        try fixture.write(try fixture.read(answer) + "\n咨询电话025-83106666。\n", to: answer)
        let listed = try board(fixture) {}
        #expect(try #require(listed.review(of: "nj/nj-clinic")).blockingFindings.isEmpty)
        let board = try board(fixture) {
            try fixture.write(ContactDirectoryTests.directory.replacingOccurrences(of: "025-83106666", with: "025-83106000"),
                              to: "Content/lexicon/contacts.yml")
        }
        #expect(try #require(board.review(of: "nj/nj-clinic")).blockingFindings.contains { $0.rule != .publicContact })
    }
}
