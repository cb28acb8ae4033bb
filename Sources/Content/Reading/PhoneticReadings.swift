import Moderation

/// Readings written after characters — pinyin or zhuyin, in brackets or not:
/// `内(nèi)部(bù)资(zī)料(liào)`, `内【ㄋㄟˋ】部…`, `内nèi部bù` (a `<ruby>` whose
/// tags cmark drops) — which a reader reads past: moderation reads the text
/// once more without them, or a classified term spelled out with its readings
/// went unfound. So are short asides in brackets between the digits of a
/// number (`138（前三位）1234（中间）5678`), which a reader reads past too, and
/// footnote marks, asides and ellipses between two characters (``InterposedMarks``).
/// Every block of every answer is looked at, by its UTF-8 bytes first: only one
/// that may hold such a reading or mark is read scalar by scalar, by ranges
/// (Unicode properties are looked up only for the rare marks no range names).
enum PhoneticReadings {
    /// The blocks of `texts` (lines up to one ending in U+2029, where the reader text ends a block) that hold a
    /// reading or a mark read past, once more without them, as summaries: only what the texts as read do not show is
    /// reported. A term runs on within a block, over its lines (`内(nèi)` ⏎ `部` ⏎ `资` ⏎ `料`), never past it.
    static func withoutReadings(_ texts: [DerivedText]) -> [DerivedText] {
        texts.filter { !$0.isSummary }.flatMap { text -> [DerivedText] in
            var blocks: [DerivedText] = []
            var start = 0
            for index in text.lines.indices where index == text.lines.count - 1 || text.lines[index].unicodeScalars.last == "\u{2029}" {
                let block = Array(text.lines[start...index])
                defer { start = index + 1 }
                // Or a line after the first begins with a dot: it may end an ellipsis a line before began (`内部。` ⏎ `。资料`).
                guard block.contains(where: mayHoldAReading) || block.dropFirst().contains(where: InterposedMarks.beginsWithADot) else { continue }
                // Read as one text, its lines apart: marks are read past over a line's break too (`内部[1]` ⏎ `资料`).
                let joined = block.joined(separator: "\n")
                // One of its lines passed the quick look: the joined text is not looked at so again.
                let read = readingPast(joined)
                if read != joined {
                    // Split by scalars: `\r\n` is one Character.
                    var lines = read.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
                    // A line that held a break of its own (lines made by `DerivedText.append` never do) cannot be
                    // told apart again: each line is read alone.
                    if lines.count != block.count { lines = block.map { removingReadings($0) } }
                    blocks.append(DerivedText(lines: lines, sourceLines: Array(text.sourceLines[start...index]), isSummary: true))
                }
            }
            return blocks
        }
    }

    /// The longest reading in brackets: a syllable or two with tone marks.
    private static let longest = 12
    /// The longest reading without brackets, between two ideographs.
    private static let longestUnbracketed = 7

    /// `line` without its readings: in brackets, at most ``longest`` letters of an alphabet or zhuyin with
    /// their tone marks and numbers (at least one letter); without brackets, a run of at most
    /// ``longestUnbracketed`` such letters and marks between two ideographs, not an abbreviation in capitals;
    /// and without the ``InterposedMarks`` between two ideographs.
    /// `line` may be a block's lines joined by `\n`: the breaks stay where they were, whatever is read past
    /// around them.
    static func removingReadings(_ line: String) -> String {
        mayHoldAReading(line) ? readingPast(line) : line
    }

    /// ``removingReadings(_:)`` without the quick look at the bytes first.
    private static func readingPast(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        // What is left out, as ranges of `scalars`: the text is made again only when there are some.
        var removed: [Range<Int>] = []
        // The last scalar kept that is shown (not white space nor invisible): what a mark follows.
        var lastShown: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // Most scalars: nothing starts at an ideograph.
            if isIdeograph(scalar) {
                lastShown = scalar
                index += 1
                continue
            }
            if let close = closing(scalar),
               let end = readingEnd(scalars, from: index + 1, closing: close) ?? asideEnd(scalars, at: index, closing: close) {
                removed.append(index..<end + 1)
                index = end + 1
                continue
            }
            if let end = InterposedMarks.end(of: scalars, at: index, previous: lastShown) {
                removed.append(index..<end)
                index = end
                continue
            }
            // No run of marks starts at any white space after this one either (they all come to the same scalar):
            // a long run of it is passed at once, not looked through again from each of its scalars.
            if InterposedMarks.isGap(scalar) {
                while index < scalars.count, InterposedMarks.isGap(scalars[index]) { index += 1 }
                continue
            }
            if isReadingLetter(scalar), index > 0, isIdeograph(scalars[index - 1]) {
                let end = runEnd(scalars, from: index)
                // Not an abbreviation in capitals: `HPV` in `接种HPV疫苗` is no reading, `nei` in `内nei部` is.
                if end < scalars.count, isIdeograph(scalars[end]), end - index <= longestUnbracketed,
                   !scalars[index..<end].allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) {
                    removed.append(index..<end)
                    index = end
                    continue
                }
            }
            lastShown = scalar
            index += 1
        }
        guard !removed.isEmpty else { return line }
        // Gathered in an array, made a string once: appending each part to a string copied it every time.
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var from = 0
        for range in removed {
            kept += scalars[from..<range.lowerBound]
            // What is left out keeps its line breaks.
            kept += scalars[range].filter { $0 == "\n" }
            from = range.upperBound
        }
        kept += scalars[from...]
        var result = String.UnicodeScalarView()
        result.append(contentsOf: kept)
        return String(result)
    }

    /// Whether `line` holds a bracket that may open a reading, a letter a reading is written in, or what may
    /// start one of the ``InterposedMarks``, read from its UTF-8 bytes: Chinese text (ideographs, `，` `。`) is
    /// passed over without decoding a scalar, an ideograph's three bytes at once.
    private static func mayHoldAReading(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // An ideograph (lead bytes 0xE4–0xE9: U+4000–9FFF): nothing to look at, its bytes passed at once.
                if (0xE4...0xE9).contains(byte) {
                    index += 3
                    continue
                }
                switch byte {
                case 0x28, 0x2F, 0x3C, 0x41...0x5B, 0x61...0x7B: return true  // ( / < [ { and ASCII letters
                case 0xC3...0xD3, 0xE1: return true  // Latin with tone marks, Greek, Cyrillic; Latin extended additional
                case 0xE3 where index + 1 < bytes.count:
                    let next = bytes[index + 1]
                    // 〈〉《》「」『』【】〔〕〖〗 (U+3008–3017), zhuyin (U+3100–312F, U+31A0–31BF).
                    if next == 0x80, index + 2 < bytes.count, (0x88...0x97).contains(bytes[index + 2]) { return true }
                    if next == 0x84 || next == 0x86 { return true }
                case 0xEF where index + 2 < bytes.count:
                    let (next, last) = (bytes[index + 1], bytes[index + 2])
                    // （ ［ Ａ–Ｚ (U+FF08, FF3B, FF21–FF3A) and ｛ ａ–ｚ (U+FF5B, FF41–FF5A).
                    if next == 0xBC, last == 0x88 || (0xA1...0xBB).contains(last) { return true }
                    if next == 0xBD, (0x81...0x9B).contains(last) { return true }
                default:
                    break
                }
                if InterposedMarks.mayStart(bytes, at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// The index of the `closing` bracket of a reading that starts at `start`, if one does.
    private static func readingEnd(_ scalars: [Unicode.Scalar], from start: Int, closing: Unicode.Scalar) -> Int? {
        let end = runEnd(scalars, from: start)
        guard end < scalars.count, scalars[end] == closing, end - start <= longest, scalars[start..<end].contains(where: isReadingLetter)
        else { return nil }
        return end
    }

    /// The index of the `closing` bracket of an aside opened at `open` between two digits: at most 8 scalars,
    /// none a digit (`138（前三位）1234`).
    private static func asideEnd(_ scalars: [Unicode.Scalar], at open: Int, closing: Unicode.Scalar) -> Int? {
        guard open > 0, isDigit(scalars[open - 1]) else { return nil }
        var index = open + 1
        while index < scalars.count, index - open <= 9, scalars[index] != closing, !isDigit(scalars[index]) { index += 1 }
        guard index < scalars.count, index - open <= 9, scalars[index] == closing, index + 1 < scalars.count, isDigit(scalars[index + 1])
        else { return nil }
        return index
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// Where the run of reading scalars from `start` ends.
    private static func runEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, isReadingLetter(scalars[index]) || isReadingMark(scalars[index]) { index += 1 }
        return index
    }

    /// The bracket that closes a reading opened by `scalar`, if it opens one.
    static func closing(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "(": ")"
        case "（": "）"
        case "[": "]"
        case "［": "］"
        case "{": "}"
        case "｛": "｝"
        case "【": "】"
        case "〔": "〕"
        case "〖": "〗"
        case "「": "」"
        case "『": "』"
        case "〈": "〉"
        case "《": "》"
        case "<": ">"
        case "/": "/"
        default: nil
        }
    }

    /// A letter of an alphabet a reading is written in: Latin (with pinyin's tone marks), Greek, Cyrillic, zhuyin.
    private static func isReadingLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF,
             0x3105...0x312F, 0x31A0...0x31BF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    /// What a reading holds besides letters: tone numbers, tone marks and letters (`ˋ` `˥`), combining marks,
    /// spaces, apostrophes and syllable dots.
    private static func isReadingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x31...0x35, 0x20, 0x27, 0x2D, 0x2E, 0xB7, 0x2019, 0x30FB, 0x2B0...0x2FF, 0x300...0x36F: true
        default: false
        }
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
}
