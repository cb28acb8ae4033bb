@testable import Moderation
import Testing
import TestSupport

/// A reader's text shows a run of white space as one space, whatever white
/// space it is (Unicode's White_Space); the paragraph separator, which ends a
/// block, stays. The run is found in the bytes, not scalar by scalar.
struct DerivedTextWhiteSpaceTests {
    private static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace && scalar != "\u{2029}"
    }

    @Test func everyScalarIsWhiteSpaceInItsBytesAsItIsInUnicode() {
        var spaces = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Self.isCollapsible(scalar) ? String(scalar).utf8.count : 0
            let found = Array(String(scalar).utf8).withUnsafeBufferPointer { DerivedText.collapsibleLength(in: $0, at: 0) }
            if expected > 0 { spaces += 1 }
            #expect(found == expected, "U+\(String(value, radix: 16, uppercase: true))")
        }
        #expect(spaces == 24, "Unicode's White_Space but U+2029")
    }

    /// A text of several lines (a block scalar of the front matter) is read line by line, each from the source line
    /// it was given, with its own white space collapsed: a line break is where a line ends, never a space within one.
    @Test func aTextOfSeveralLinesIsReadLineByLine() {
        let text = DerivedText("内部\n  资料\t\t说明\n", line: 4)
        #expect(text.lines == ["内部", " 资料 说明", ""])
        #expect(text.sourceLines == [4, 4, 4])
        #expect(DerivedText("一行  文字", line: 2).lines == ["一行 文字"])
        // A text short enough to be held inside the string itself (15 bytes at most) is read alike.
        #expect(DerivedText("甲\n乙", line: 7).lines == ["甲", "乙"])
    }

    /// Seeded texts of white space of every kind, ideographs, quotation marks and letters.
    @Test func runsOfWhiteSpaceReadAsOneSpace() {
        let pool: [Unicode.Scalar] = [" ", "\t", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{2028}",
                                      "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "“", "”", "…", "内", "部", "a", "8", "ａ", "\u{E000}", "😀"]
        var random = SplitMix64(seed: 85)
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 16)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }))
            var expected = String.UnicodeScalarView()
            var afterSpace = false
            for scalar in text.unicodeScalars {
                let isSpace = Self.isCollapsible(scalar)
                if !(isSpace && afterSpace) { expected.append(isSpace ? " " : scalar) }
                afterSpace = isSpace
            }
            #expect(DerivedText(text, line: 1).lines == [String(expected)], "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
