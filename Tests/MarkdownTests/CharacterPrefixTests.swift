@testable import Markdown
import Testing
import TestSupport

/// The search texts and excerpts are cut after a number of characters: the quick count must cut
/// exactly where `prefix(_:)` does, whatever joins scalars into one character.
struct CharacterPrefixTests {
    /// Scalars that stand apart, and ones that join their neighbours: a line break after a carriage return,
    /// combining and tone marks, a variation selector, a keycap, an emoji sequence, Hangul jamo, flags.
    static let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", "流", "。", "（", "…", "“", "\u{3000}", "Ａ", "1",
                         "\u{301}", "\u{302A}", "\u{FE0F}", "\u{20E3}", "\u{200D}", "👩", "\u{1100}", "\u{1161}", "\u{11A8}",
                         "\u{1F1E8}", "\u{1F1F3}", "\u{0915}", "\u{094D}", "\u{0600}", "\u{AD}", "\u{3099}", "か", "e\u{301}"]

    @Test func cutsWherePrefixCutsOnSeededMixedText() {
        var random = SplitMix64(seed: 0xC4A7_5EED)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            for limit in 0...(text.unicodeScalars.count + 1) {
                #expect(text.prefix(characters: limit) == text.prefix(limit),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) limit \(limit)")
            }
        }
    }

    @Test func chineseTextIsCutAfterTheCharactersAsked() {
        let text = "流感疫苗每年都要接种吗？是的。"
        #expect(text.prefix(characters: 4) == "流感疫苗")
        #expect(text.prefix(characters: 100) == text[...])
        #expect(text.prefix(characters: 0).isEmpty)
    }
}
