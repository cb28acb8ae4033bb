/// What a search result may show of an answer: the start of its text, as the
/// excerpt joins it (blocks kept apart by `；`, as the page keeps them apart),
/// its white space collapsed as a browser collapses it, in pieces of about
/// ``length`` characters. A result shows one piece whole, the one that holds
/// the words searched for; moderation reads each piece as it is shown.
///
/// Pieces are cut where no number, code or word written in Latin letters is
/// cut in two: cut anywhere, `…1381234567800号` showed `…13812345678…`, a
/// mobile number the whole text does not hold. So a cut only stands between
/// two scalars that stand apart (no grapheme rule joins them to a neighbour)
/// and neither of which is a digit, a numeral (`一` `〇` `壹`, and the words
/// callers use for digits) or a letter of an alphabet.
package enum SearchSnippets {
    /// About this many scalars a piece, counted as the cuts are (one a character in Chinese text; a result shows one piece).
    package static let length = 100
    /// Pieces are made until they hold this many scalars.
    package static let total = 800

    /// How many characters of the text are looked at (never fewer scalars): pieces end by ``total`` plus one and
    /// a half pieces (a piece starts before ``total`` and is cut at most 1.5 ``length`` on; what remains is taken
    /// whole only where the text ends).
    package static let looked = total + 3 * length

    /// The pieces of `text` (see ``MarkdownDocument/joinedAsShown(lines:blockEnds:limit:)``), up to about ``total`` characters.
    package static func pieces(of text: String) -> [String] {
        let start = text.prefix(characters: looked)
        return pieces(of: String(start), isWhole: start.endIndex == text.endIndex)
    }

    /// The pieces of `text`, the first ``looked`` characters of a text (all of it if `isWhole`).
    package static func pieces(of text: String, isWhole: Bool) -> [String] {
        let shown = Collapsed(text)
        let count = shown.count
        var pieces: [String] = []
        var start = 0
        var made = 0
        while start < count, made < total {
            let end: Int
            if count - start > length + length / 4 {
                end = cut(in: shown, from: start)
            } else if isWhole {
                end = count
            } else {
                // Not the text's end, only the end of what was looked at: no piece is cut there.
                break
            }
            var first = shown.offsets[start]
            var last = shown.offsets[end]
            while first < last, shown.utf8[first] == 0x20 { first += 1 }
            while last > first, shown.utf8[last - 1] == 0x20 { last -= 1 }
            if first < last { pieces.append(String(decoding: shown.utf8[first..<last], as: UTF8.self)) }
            made += end - start
            start = end
        }
        return pieces
    }

    /// A text with each run of white space one space, as a browser shows it: its UTF-8 bytes, and where each
    /// scalar starts in them (and where the last ends). Most texts have nothing to collapse: their bytes are
    /// taken as they are.
    private struct Collapsed {
        let utf8: [UInt8]
        let offsets: [Int]
        var count: Int { offsets.count - 1 }

        init(_ text: String) {
            var bytes = Array(text.utf8)
            if Self.needsCollapsing(bytes) { bytes = Self.collapsed(bytes) }
            var offsets: [Int] = []
            offsets.reserveCapacity(bytes.count + 1)
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(offset) }
            offsets.append(bytes.count)
            utf8 = bytes
            self.offsets = offsets
        }

        /// The scalar at index `index`.
        func scalar(_ index: Int) -> Unicode.Scalar {
            let offset = offsets[index]
            let lead = UInt32(utf8[offset])
            let length = offsets[index + 1] - offset
            guard length > 1 else { return Unicode.Scalar(UInt8(lead)) }
            var value = lead & (0xFF >> UInt32(length + 1))
            for next in (offset + 1)..<(offset + length) { value = value << 6 | UInt32(utf8[next] & 0x3F) }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }

        /// Whether `bytes` hold white space other than single spaces.
        private static func needsCollapsing(_ bytes: [UInt8]) -> Bool {
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x09...0x0D: return true
                case 0x20 where index + 1 < bytes.count && bytes[index + 1] == 0x20: return true
                case 0xC2, 0xE1, 0xE2, 0xE3: if isWhiteSpace(decode(bytes, at: index).scalar) { return true }
                default: break
                }
            }
            return false
        }

        private static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            var afterSpace = false
            while index < bytes.count {
                let (scalar, length) = decode(bytes, at: index)
                if isWhiteSpace(scalar) {
                    if !afterSpace { result.append(0x20) }
                    afterSpace = true
                } else {
                    result.append(contentsOf: bytes[index..<(index + length)])
                    afterSpace = false
                }
                index += length
            }
            return result
        }

        /// The scalar at `index` of valid UTF-8, and its length.
        private static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
            let lead = UInt32(bytes[index])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = length == 1 ? lead : lead & (0xFF >> UInt32(length + 1))
            for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
    }

    /// Where the piece from `start` ends: after a mark that ends a clause, about ``length`` scalars on; else
    /// at another cut that splits nothing; else (a run longer than a piece with no such cut) where the piece is
    /// long enough, and moderation reads what that cut shows.
    private static func cut(in text: Collapsed, from start: Int) -> Int {
        let target = start + length
        let earliest = start + length * 6 / 10
        let latest = min(text.count - 1, start + length * 3 / 2)
        let backwards = stride(from: target, through: earliest, by: -1)
        if let end = backwards.first(where: { isSafeCut($0, in: text) && endsClause(text.scalar($0 - 1)) }) { return end }
        if let end = backwards.first(where: { isSafeCut($0, in: text) }) { return end }
        if target < latest, let end = (target...latest).first(where: { isSafeCut($0, in: text) }) { return end }
        return target
    }

    private static func isSafeCut(_ index: Int, in text: Collapsed) -> Bool {
        mayStandBesideACut(text.scalar(index - 1)) && mayStandBesideACut(text.scalar(index))
    }

    private static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "。", "！", "？", "；", "，", "、", "!", "?", ";", ",": true
        default: false
        }
    }

    /// Whether a piece may be cut beside `scalar`: it stands apart, and it cannot belong to a number, a code or
    /// a word with its neighbours (digits and numerals of every script, letters of alphabets, what callers say
    /// or draw for a digit).
    package static func mayStandBesideACut(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.standsApart else { return false }
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return !numerals.contains(scalar.value)
        case 0x3007, 0x3021...0x3029, 0x3038...0x303A: return false  // 〇 and the Hangzhou numerals
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return false  // fullwidth digits and letters
        default: return true
        }
    }

    /// The ideographs that are numerals (Unicode gives them a numeric value: 一 二 十 百 廿 壹…), and those read
    /// as digits without one: 幺 么 (1), 两 (2), 拐 (7), 勾 (9), 洞 (0), 参 (3, as 叁), and 叉 for an ID's final x.
    private static let numerals: Set<UInt32> = {
        var numerals = Set("幺么两拐勾洞参叉".unicodeScalars.map(\.value))
        for value in UInt32(0x3400)...0x9FFF where !(0x4DC0...0x4DFF).contains(value) {
            if let scalar = Unicode.Scalar(value), scalar.properties.numericType != nil { numerals.insert(value) }
        }
        return numerals
    }()

    /// Unicode's White_Space, without a property lookup for every scalar.
    fileprivate static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
