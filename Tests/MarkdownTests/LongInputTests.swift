import Markdown
import Testing

/// Texts built to be slow: the work must grow with the text, not with its square (red team).
struct LongInputTests {
    /// 200,000 one-line items: counting each item's siblings again took minutes; counting as the walk goes takes seconds.
    @Test(.timeLimit(.minutes(1))) func aVeryLongOrderedListIsReadInLinearTime() {
        let document = MarkdownDocument(source: String(repeating: "1. 步骤\n", count: 200_000))
        #expect(document.readerLines.first?.text.hasPrefix("1. 步骤") == true)
        #expect(document.readerLines.contains { $0.text.hasPrefix("200000. 步骤") })
    }

    @Test func nestedOrderedListsNumberTheirOwnItems() {
        let document = MarkdownDocument(source: "3. 甲\n   1. 子一\n   2. 子二\n4. 乙\n")
        let lines = document.readerLines.map(\.text).filter { !$0.hasPrefix("\u{2029}") }
        #expect(lines.map { $0.replacing("\u{2029}", with: "") } == ["3. 甲", "1. 子一", "2. 子二", "4. 乙"])
    }
}
