/// What a reader reads past between two characters of a word, as between a
/// word and its reading (``PhoneticReadings``, which leaves these out too in
/// moderation's second reading): footnote and reference marks (`内部[^1]资料`,
/// `内部[1][2]资料`, `内部¹资料`, `内部^1资料`, `内部※资料`, and a number raised
/// with `<sup>`, which the page shows as `内部1资料` once cmark has dropped the
/// tags), short asides in brackets (`内部（注）资料`, `内部（注（1））资料`) and
/// ellipses (`内部……资料`, `内部...资料`): a run of them, with spaces and
/// invisible characters around and between them (`内部 [1] 资料`), even over
/// the break between two lines of a paragraph. Only between two ideographs.
/// Circled numbers are not among them: `①贫血②头晕` lists, and read past they
/// made words of the ends of two items. Found by a probe of 25154af and an
/// attack on the first version of this reading.
enum InterposedMarks {
    /// The most scalars inside an aside in brackets, of a footnote label after `^`, of one ellipsis or run of
    /// raised marks, of a number (its groups of at most ``longestGroup`` digits and what lists them), of a run.
    private static let longestAside = 10
    private static let longestLabel = 4
    private static let longestEllipsis = 12
    private static let longestRaised = 4
    private static let longestNumber = 9
    private static let longestGroup = 3
    private static let longestRun = 40

    /// The end (exclusive) of the run of marks that starts at `start` (perhaps with a space), when one does and
    /// stands between two ideographs: `previous`, the scalar kept before it (white space and invisible ones
    /// passed over), and the first other scalar after it, or else `next`, the first of the next line of the paragraph.
    static func end(of scalars: [Unicode.Scalar], at start: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Int? {
        guard let previous, PhoneticReadings.isIdeograph(previous) else { return nil }
        var index = start
        var marks = 0
        var afterLast = start
        while index < scalars.count, index - start <= longestRun {
            index = skippingGaps(scalars, from: index)
            // Marks listed (`[1]、[2]`, `[1,2]`): a comma or an enumeration comma between two of them.
            var at = index
            if marks > 0, at < scalars.count, ",，、".unicodeScalars.contains(scalars[at]) { at = skippingGaps(scalars, from: at + 1) }
            guard at < scalars.count, let end = markEnd(scalars, at: at) else { break }
            marks += 1
            index = end
            afterLast = end
        }
        guard marks > 0, afterLast - start <= longestRun else { return nil }
        let end = skippingGaps(scalars, from: afterLast)
        if end < scalars.count { return PhoneticReadings.isIdeograph(scalars[end]) ? end : nil }
        return next.map(PhoneticReadings.isIdeograph) == true ? end : nil
    }

    /// The end (exclusive) of one mark at `index`, if one starts there.
    private static func markEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let first = scalars[index]
        var end = index + 1
        if let close = closing(first) {
            // Nested brackets of the same kind count (`（注（1））`).
            var depth = 1
            while end < scalars.count, end - index <= longestAside + 1 {
                if scalars[end] == close { depth -= 1 } else if scalars[end] == first { depth += 1 }
                if depth == 0 { return end > index + 1 ? end + 1 : nil }
                end += 1
            }
            return nil
        }
        switch first {
        case "^", "＾":
            // `^1`, `^a^`: a footnote written as Markdown's extensions write it, which cmark shows as written.
            while end < scalars.count, end - index <= longestLabel, isDigit(scalars[end]) || isLetter(scalars[end]) { end += 1 }
            guard end > index + 1 else { return nil }
            return end < scalars.count && scalars[end] == first ? end + 1 : end
        case "*":
            // `*1`, a note by its number.
            while end < scalars.count, end - index <= longestGroup, isDigit(scalars[end]) { end += 1 }
            return end > index + 1 ? end : nil
        case ".", "．", "。":
            // Dots or full stops that write an ellipsis: two or more, perhaps spaced (`. . .`).
            var dots = 1
            while end < scalars.count, end - index <= longestEllipsis {
                let after = scalars[end] == " " ? end + 1 : end
                guard after < scalars.count, scalars[after] == first else { break }
                dots += 1
                end = after + 1
            }
            return dots >= 2 ? end : nil
        default:
            break
        }
        if isEllipsis(first) {
            while end < scalars.count, end - index < longestEllipsis, isEllipsis(scalars[end]) { end += 1 }
            return end
        }
        if isRaisedOrNote(first) {
            while end < scalars.count, end - index < longestRaised, isRaisedOrNote(scalars[end]) { end += 1 }
            return end
        }
        if isDigit(first) {
            // A number, or numbers listed (`1,2`, `1-3`): groups of at most three digits.
            var group = 1
            while end < scalars.count, end - index < longestNumber {
                if isDigit(scalars[end]) {
                    group += 1
                    guard group <= longestGroup else { return nil }
                } else if ",，、-–~".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    group = 0
                } else {
                    break
                }
                end += 1
            }
            return end < scalars.count && isDigit(scalars[end]) ? nil : end
        }
        return nil
    }

    /// The bracket that closes an aside opened by `scalar`: any that closes a reading, and `⟨⟩` `⁽⁾` `₍₎`.
    private static func closing(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "⟨": "⟩"
        case "⁽": "⁾"
        case "₍": "₎"
        default: PhoneticReadings.closing(scalar)
        }
    }

    /// The first index from `index` on that holds no white space or invisible scalar.
    private static func skippingGaps(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index < scalars.count, isGap(scalars[index]) { index += 1 }
        return index
    }

    /// White space and the scalars a page does not show (joiners, soft hyphens, direction marks, selectors).
    static func isGap(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0xAD, 0x34F, 0x61C, 0x1680, 0x180E, 0x2000...0x200F, 0x2028, 0x202A...0x202F, 0x205F...0x206F,
             0x3000, 0xFE00...0xFE0F, 0xFEFF: true
        default: false
        }
    }

    /// Whether the UTF-8 `bytes` at `index` may start such a mark (the line is then read scalar by scalar):
    /// `^`, `*`, two dots, a digit, and the other marks by their bytes (raised letters, U+1D2C–1DBF, start with
    /// 0xE1, which ``PhoneticReadings`` reads a line for already).
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let last = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch byte {
        case 0x5E, 0x2A: return true
        case 0x2E: return next == 0x2E || next == 0x20
        // A digit at the start of a line, or after a space or a scalar not ASCII (one after an ideograph).
        case 0x30...0x39: return index == 0 || bytes[index - 1] >= 0x80 || bytes[index - 1] == 0x20
        case 0xC2: return [0xAA, 0xB2, 0xB3, 0xB9, 0xBA].contains(next)  // ª ² ³ ¹ º
        case 0xE2:
            switch (next, last) {
            case (0x80, 0xA5...0xA6), (0x80, 0xBB), (0x8B, 0xAF), (0x9F, 0xA8): return true  // ‥ … ※ ⋯ ⟨
            case (0x81, 0xB0...0xBF), (0x82, 0x80...0x9F): return true  // ⁰–⁹ ⁿ ⁽ ₀–₉ ₍ ₐ…
            default: return false
            }
        case 0xE3:
            // `。。`, not the full stop of every sentence; ㊟.
            let twoStops = next == 0x80 && last == 0x82 && index + 5 < bytes.count
                && bytes[index + 3] == 0xE3 && bytes[index + 4] == 0x80 && bytes[index + 5] == 0x82
            return twoStops || (next == 0x8A && last == 0x9F)
        case 0xEF:
            // ︙ ０–９ ＾ ．
            return (next == 0xB8 && last == 0x99) || (next == 0xBC && ((0x90...0x99).contains(last) || last == 0xBE || last == 0x8E))
        default:
            return false
        }
    }

    private static func isEllipsis(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2025, 0x2026, 0x22EF, 0xFE19: true
        default: false
        }
    }

    /// Raised and lowered digits and letters, and the marks that call a note (`※`, `㊟`).
    private static func isRaisedOrNote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAA, 0xB2, 0xB3, 0xB9, 0xBA, 0x1D2C...0x1D6A, 0x1D9B...0x1DBF, 0x2070...0x207C, 0x207F...0x208C, 0x2090...0x209C,
             0x203B, 0x329F: true
        default: false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
