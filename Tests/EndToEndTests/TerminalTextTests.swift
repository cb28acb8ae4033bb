@testable import portal12320
import Testing

struct TerminalTextTests {
    @Test func plainTextIsUnchanged() {
        #expect(TerminalText.safe("流感疫苗每年都要接种吗？\tok") == "流感疫苗每年都要接种吗？\tok")
    }

    @Test(arguments: [
        ("\u{1B}[2J标题", "\\u{1B}[2J标题"),
        ("a\rb", "a\\u{D}b"),
        ("one\nheld back: forged", "one\\u{A}held back: forged"),
        ("\u{9B}31m", "\\u{9B}31m"),
        ("bell\u{07}", "bell\\u{7}"),
        ("del\u{7F}", "del\\u{7F}"),
        ("\u{202E}gpj.md", "\\u{202E}gpj.md"),
    ])
    func controlsAreShownNotObeyed(_ input: String, _ shown: String) {
        #expect(TerminalText.safe(input) == shown)
    }

    @Test func lineBreaksStayWhereTheTextIsSeveralLines() {
        #expect(TerminalText.safe("a\nb\u{1B}c", keepingLineBreaks: true) == "a\nb\\u{1B}c")
        #expect(TerminalText.safe("a\r\nb", keepingLineBreaks: true) == "a\\u{D}\nb")
    }
}
