/// A text that readers see in place of what was written — Markdown rendered,
/// a YAML value decoded, a link target percent-decoded — line by line, each
/// line knowing the line of the source file it comes from.
package struct DerivedText: Sendable, Equatable {
    package private(set) var lines: [String] = []
    /// `sourceLines[i]` is the 1-based source line of `lines[i]`.
    package private(set) var sourceLines: [Int] = []
    /// A summary of text read elsewhere too (an excerpt joining blocks): only
    /// what it alone shows is reported, so one occurrence is not counted twice.
    package var isSummary = false

    package init() {}

    /// A text as it was derived before (a build's cache), line for line.
    package init(lines: [String], sourceLines: [Int], isSummary: Bool) {
        self.lines = lines
        self.sourceLines = sourceLines
        self.isSummary = isSummary
    }

    /// `text`, every line of it coming from source line `line`.
    package init(_ text: String, line: Int) {
        append(text, line: line)
    }

    package var isEmpty: Bool { lines.isEmpty }

    /// Adds the lines of `text`, all from source line `line`, as a browser
    /// shows them: a run of white space reads as one space. (Right-to-left
    /// characters, which reorder what is shown, are findings of their own.)
    package mutating func append(_ text: String, line: Int) {
        // Most texts are one line: no need to break the whole text into characters to learn that.
        guard text.utf8.contains(0x0A) else {
            lines.append(Self.collapsingWhiteSpace(Substring(text)))
            sourceLines.append(line)
            return
        }
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(Self.collapsingWhiteSpace(part))
            sourceLines.append(line)
        }
    }

    /// Runs of white space as one space; the paragraph separator, which marks
    /// where a block ends, stays.
    private static func collapsingWhiteSpace(_ text: Substring) -> String {
        guard text.unicodeScalars.contains(where: isCollapsible) else { return String(text) }
        var result = String.UnicodeScalarView()
        var afterSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = isCollapsible(scalar)
            if !(isSpace && afterSpace) { result.append(isSpace ? " " : scalar) }
            afterSpace = isSpace
        }
        return String(result)
    }

    private static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        // The common cases, without a property lookup: ASCII, CJK punctuation and ideographs, full-width forms.
        case 0..<0x80, 0x3001...0x9FFF, 0xFF00...0xFFEF: false
        default: scalar.properties.isWhitespace && scalar != "\u{2029}"
        }
    }
}
