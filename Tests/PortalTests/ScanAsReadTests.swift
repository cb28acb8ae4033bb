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
    /// The board of the fixture read as `build` reads it, `edit` made between the start and the reading.
    private func board(_ fixture: borrowing ProvinceFixture, editing edit: () throws -> Void) throws -> ReviewBoard {
        let memory = BuildMemory()
        memory.findings.scanAsRead(by: memory.answers, contentDirectory: fixture.content)
        memory.answers.giveUpReaderTextsAsRead()
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
