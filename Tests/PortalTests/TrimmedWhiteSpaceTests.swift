import Content
import Foundation
import Testing
import TestSupport

/// A one-line value of the front matter or portal.yml is read without the
/// white space around it, every kind an editor may paste (an ideographic
/// space from a Chinese input method, a no-break space from Word), as
/// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` reads it.
struct TrimmedWhiteSpaceTests {
    /// Every scalar up to U+3100 and of U+FE00–FFFF (full-width forms, the BOM), alone, around a word and inside it.
    @Test func everyScalarIsTrimmedAsFoundationTrimsIt() {
        var differing: [UInt32] = []
        for value in Array(UInt32(0)...0x3100) + Array(0xFE00...0xFFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "\(scalar)内容\(scalar)", "内\(scalar)容", "\(scalar)\(scalar)a"]
            where !text.trimmingWhiteSpace.unicodeScalars.elementsEqual(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars) {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty)
    }

    /// Texts of random white space, letters and marks, seeded: the same as Foundation's, scalar for scalar.
    @Test func randomTextsAreTrimmedAsFoundationTrimsThem() {
        var random = SplitMix64(seed: 12320)
        let pieces: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}", "\u{200A}",
                                        "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{301}",
                                        "a", "流", "感", "\u{E000}", "\u{1F600}"]
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &random) { text.append(pieces.randomElement(using: &random)!) }
            let string = String(text)
            #expect(Array(string.trimmingWhiteSpace.unicodeScalars) == Array(string.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        }
    }

    /// A title written between an ideographic and a no-break space is the title alone on the site.
    @Test func aTitleBetweenIdeographicSpacesIsReadWithoutThem() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title: \u{3000}流感疫苗每年都要接种吗？\u{A0}")
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.answers.first { $0.id == "flu" }?.title == "流感疫苗每年都要接种吗？")
    }
}
