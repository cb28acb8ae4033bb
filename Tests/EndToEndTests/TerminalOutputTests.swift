import Foundation
import Testing

/// Text that came from content or the ledger is shown on the terminal, never obeyed.
struct TerminalOutputTests {
    static let escape = "\u{1B}"

    @Test func aReviewersNoteWithEscapeCodesIsShownNotObeyed() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "escape-note", body: "ESCAPE-NOTE-MARKER")
        let note = "\(Self.escape)[2J\(Self.escape)]0;owned\u{07}请补充\rBuilt 99 sites"
        #expect(try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", note]).status == 0)
        for command in [["build"], ["review", "log"], ["review", "queue"], ["review", "show", reference]] {
            let result = try province.run(command)
            #expect(result.status == 0, "\(command): \(result.error)")
            let printed = result.output + result.error
            #expect(!printed.contains(Self.escape) && !printed.contains("\r") && !printed.contains("\u{07}"), "\(command)")
            #expect(printed.contains("\\u{1B}[2J"), "\(command): \(printed)")
        }
    }

    @Test func aFileNameWithEscapeCodesIsShownNotObeyed() throws {
        let province = try SampleProvinceCopy()
        try province.write("---\nid: red\ntitle: 问\ncategory: nope\nupdated: 2024-01-01\n---\n答\n",
                           to: "Content/answers/province/\(Self.escape)[31mred.md")
        let result = try province.run(["check"])
        #expect(result.status == 1)
        #expect(!result.error.contains(Self.escape))
        #expect(result.error.contains("Content/answers/province/\\u{1B}[31mred.md:4: error: The category `nope`"))
    }
}
