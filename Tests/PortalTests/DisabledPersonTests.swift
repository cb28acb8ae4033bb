import Content
import Foundation
import Review
import Testing

/// `until:` in people.yml: a person whose account was disabled decides no more
/// from that day on, while what they decided before stands.
struct DisabledPersonTests {
    let today = ChinaTime.day(of: Date())
    let tomorrow = ChinaTime.day(of: Date().addingTimeInterval(86_400))

    func board(_ fixture: borrowing ProvinceFixture) throws -> ReviewBoard {
        try ReviewBoard(content: ContentLoader.load(directory: fixture.content))
    }

    /// `flu` submitted by an editor and approved by 赵审核 today; returns the reviewer's key.
    func approvedByZhao(_ fixture: borrowing ProvinceFixture) throws -> SigningKey {
        try fixture.requireReview()
        let editor = try fixture.addPerson("钱编辑", role: .editor)
        let reviewer = try fixture.addPerson("赵审核")
        _ = try ReviewDesk.record(.submitted, on: "province/flu", board: board(fixture), contentDirectory: fixture.content, key: editor, note: "")
        _ = try ReviewDesk.record(.approved, on: "province/flu", board: board(fixture), contentDirectory: fixture.content, key: reviewer, note: "")
        return reviewer
    }

    func disable(_ name: String, from day: String, _ fixture: borrowing ProvinceFixture) throws {
        let text = try fixture.read("Content/people.yml")
        let entry = try #require(text.range(of: "- name: \(name)\n"))
        let keyLine = try #require(text.range(of: "\n", range: text.range(of: "  key: ", range: entry.upperBound..<text.endIndex)!.upperBound..<text.endIndex))
        try fixture.write(String(text[..<keyLine.upperBound]) + "  until: \(day)\n" + String(text[keyLine.upperBound...]), to: "Content/people.yml")
    }

    @Test func decisionsMadeBeforeTheDayStand() throws {
        let fixture = try ProvinceFixture()
        _ = try approvedByZhao(fixture)
        try disable("赵审核", from: tomorrow, fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .publishable)
    }

    @Test func fromTheDayOnTheirLinesDoNotCountAndTheDeskRefusesThem() throws {
        let fixture = try ProvinceFixture()
        let zhao = try approvedByZhao(fixture)
        try disable("赵审核", from: today, fixture)
        let board = try board(fixture)
        // Today's approval was written on the day the account ends: it does not count.
        #expect(board.review(of: "province/flu")?.status == .awaitingReview)
        #expect(board.ledgerWarnings.contains { $0.contains("赵审核 may no longer decide from \(today) on") })
        let refusal = try #require(throws: ReviewDesk.Refusal.self) {
            try ReviewDesk.record(.rejected, on: "province/flu", board: board, contentDirectory: fixture.content, key: zhao, note: "退回")
        }
        #expect(refusal.message.contains("may no longer decide"))
    }

    @Test func aMalformedUntilIsAnErrorAtItsLine() throws {
        let fixture = try ProvinceFixture()
        try fixture.addPerson("孙审核")
        try disable("孙审核", from: "next week", fixture)
        let error = try #require(throws: ContentErrors.self) { try self.board(fixture) }
        #expect(error.issues.first?.message.contains("`until: next week` is not a date") == true)
    }

    /// A line dated before the day but chained after a line of a later day was written later than it says.
    @Test func aBackdatedLineAfterLaterLinesDoesNotCount() throws {
        let fixture = try ProvinceFixture()
        try append([(.submitted, "钱编辑", .editor, Date().addingTimeInterval(2 * 86_400)), (.approved, "赵审核", .reviewer, Date())],
                   disabling: "赵审核", from: tomorrow, fixture)
        let board = try board(fixture)
        #expect(board.review(of: "province/flu")?.status == .awaitingReview)
        #expect(board.ledgerWarnings.contains { $0.contains("赵审核 may no longer decide") })
    }

    /// A disabled editor's late submission does not stand in for the four eyes' first pair (review).
    @Test func aSubmissionThatDoesNotCountUnlocksNoApproval() throws {
        let fixture = try ProvinceFixture()
        try append([(.submitted, "钱编辑", .editor, Date()), (.approved, "赵审核", .reviewer, Date())], disabling: "钱编辑", from: today, fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .awaitingReview)
    }

    /// People made for each line's signer, `name` disabled from `day`, then the lines appended to the ledger on `flu` as it stands.
    private func append(_ lines: [(LedgerEntry.Decision, String, Person.Role, Date)], disabling name: String, from day: String,
                        _ fixture: borrowing ProvinceFixture) throws {
        try fixture.requireReview()
        var keys: [String: SigningKey] = [:]
        for (_, signer, role, _) in lines where keys[signer] == nil { keys[signer] = try fixture.addPerson(signer, role: role) }
        try disable(name, from: day, fixture)
        let review = try #require(board(fixture).review(of: "province/flu"))
        for (decision, signer, _, time) in lines {
            _ = try ReviewLedger.append(to: fixture.content + "/reviews.jsonl", answer: "province/flu", sha256: review.sha256,
                                        findings: review.findingsFingerprint, decision: decision, signer: signer, key: keys[signer]!,
                                        note: "", time: time)
        }
    }
}
