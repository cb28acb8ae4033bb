import Foundation
import Portal
import Testing

struct ReviewBoardTests {
    func board(_ fixture: borrowing ProvinceFixture) throws -> ReviewBoard {
        try ReviewBoard(content: try ContentLoader.load(directory: fixture.content))
    }

    func approve(_ reference: String, _ fixture: borrowing ProvinceFixture, note: String = "") throws {
        _ = try ReviewDesk.record(.approved, on: reference, board: try board(fixture), contentDirectory: fixture.content,
                                  reviewer: "审核员", note: note)
    }

    @Test func underReviewAllNothingIsPublishedWithoutApproval() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "review: flagged", with: "review: all")
        let statuses = try board(fixture).reviews.filter { $0.answer.visibility == .public }.map(\.status)
        #expect(!statuses.isEmpty)
        #expect(statuses.allSatisfy { $0 == .awaitingReview })
        try approve("province/flu", fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .publishable)
    }

    @Test func aLexiconChangeThatAddsAFindingSendsTheAnswerBack() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "review: flagged", with: "review: all")
        try approve("province/flu", fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .publishable)
        try fixture.write("医托\n回扣\n每年接种\n", to: "Content/lexicon/sensitive.txt")
        let review = try #require(try board(fixture).review(of: "province/flu"))
        #expect(review.findings.map(\.term) == ["每年接种"])
        #expect(review.status == .awaitingReview)
    }

    @Test func underReviewFlaggedOnlyAnswersWithFindingsWait() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/nj/nj-clinic.md", replacing: "NANJING-CLINIC-TEXT", with: "谨防医托。")
        let board = try board(fixture)
        #expect(board.review(of: "province/flu")?.status == .publishable)
        #expect(board.review(of: "nj/nj-clinic")?.status == .awaitingReview)
    }

    @Test func linkToAHeldBackAnswerBecomesPlainText() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/insurance-basic.md", replacing: "PROVINCE-INSURANCE-TEXT", with: "不归我们管")
        let content = try ContentLoader.load(directory: fixture.content)
        let report = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        #expect(report.heldBack.map(\.answer.reference) == ["province/insurance-basic"])
        let flu = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(flu.contains("另见医保报销。"))
        #expect(!flu.contains("insurance-basic"))
    }

    @Test func missingLexiconStopsEverything() throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.removeItem(atPath: fixture.content + "/lexicon")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.first?.message.contains("lexicon folder is missing") == true)
    }
}
