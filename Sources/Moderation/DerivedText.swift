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
        // Most texts are one line: no need to break the whole text into characters to learn that. Looked for in the
        // text's bytes where it has them together (native strings do): through the UTF-8 view, byte by byte, this
        // one question was 3 % of `moderate`'s first run.
        let breaks = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? text.utf8.contains(0x0A)
        guard breaks else {
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
    /// where a block ends, stays. Read byte by byte: scalar by scalar, with a
    /// property looked up for each quotation mark, it took a fourteenth of `moderate`'s time.
    static func collapsingWhiteSpace(_ text: Substring) -> String {
        var text = text
        let collapsed = text.withUTF8 { bytes -> [UInt8]? in
            var index = 0
            // Most bytes are no white space's first: ASCII but controls and space, and the lead bytes of most characters.
            while index < bytes.count, (0x21...0xC1).contains(bytes[index]) || bytes[index] > 0xE3
                || collapsibleLength(in: bytes, at: index) == 0 {
                index += 1
            }
            guard index < bytes.count else { return nil }
            var result = Array(bytes[..<index])
            result.reserveCapacity(bytes.count)
            var afterSpace = false
            while index < bytes.count {
                let length = collapsibleLength(in: bytes, at: index)
                if length == 0 {
                    result.append(bytes[index])
                    index += 1
                    afterSpace = false
                } else {
                    if !afterSpace { result.append(0x20) }
                    index += length
                    afterSpace = true
                }
            }
            return result
        }
        return collapsed.map { String(decoding: $0, as: UTF8.self) } ?? String(text)
    }

    /// The length in bytes of the white space (Unicode's White_Space, but U+2029) that starts at
    /// byte `index` of `bytes`, valid UTF-8; 0 where none does. A byte inside a character starts none.
    @inline(__always)
    static func collapsibleLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0x09...0x0D, 0x20:
            return 1
        case 0xC2:
            // U+0085, U+00A0.
            return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1:
            // U+1680.
            return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            // U+2000...U+200A, U+2028, U+202F, U+205F (U+2029, E2 80 A9, ends a block and stays).
            switch (next(1), next(2)) {
            case (0x80, 0x80...0x8A), (0x80, 0xA8), (0x80, 0xAF), (0x81, 0x9F): return 3
            default: return 0
            }
        case 0xE3:
            // U+3000.
            return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
