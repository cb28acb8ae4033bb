import Content
import Moderation
import Testing

/// Nested YAML aliases (a "billion laughs") in a front matter: read once, where defined (red team).
struct YAMLAliasBombTests {
    @Test(.timeLimit(.minutes(1))) func nestedAliasesCostNoMoreThanTheirText() {
        var yaml = "id: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let texts = ReaderView.texts(ofFile: "answers/province/bomb.md", text: "---\n\(yaml)---\n正文\n")
        // Every value is read where it is written: the ten x's once, each alias level not again.
        #expect(texts.reduce(0) { $0 + $1.lines.count } < 50)
        #expect(texts.contains { $0.lines.contains("x x x x x x x x x x") })
    }
}
