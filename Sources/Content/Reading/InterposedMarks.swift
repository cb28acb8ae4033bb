import Moderation

/// What a reader reads past between two characters of a word, as between a
/// word and its reading (``PhoneticReadings``, which leaves these out too in
/// moderation's second reading): footnote and reference marks (`内部[^1]资料`,
/// `内部[1][2]资料`, `内部¹资料`, `内部^1资料`, `内部※资料`, `内部＊1资料`, and a
/// number raised with `<sup>`, which the page shows as `内部1资料` once cmark
/// has dropped the tags), asides in brackets that call a note (`内部（注）资料`,
/// `内部（注（1））资料`, `内部﹙1﹚资料`) and ellipses (`内部……资料`,
/// `内部. . .资料`): a run of them, with what a reader reads through around and
/// between them — white space, line breaks within a paragraph, invisible
/// scalars, marks such as `*` `†` `★` (`内部 [1] 资料`, `内部\u{200B}[1]资料`,
/// `内部*[1]*资料`). Only between two ideographs.
///
/// Not read past, because honest text writes them between words: circled
/// numbers (`①贫血②头晕` lists, and read past gave `血头`), and asides that say
/// something (`暑假（7月至8月）疫苗` would read `假疫苗`): an aside is read past
/// only when it holds nothing but numbers, letters, marks and the characters of
/// a note's call (`注` `见` `略` `第` `页`…). Found by a probe of 25154af and two
/// attacks on the first versions of this reading.
enum InterposedMarks {
    /// The most scalars shown inside an aside in brackets, of a footnote label after `^`, of an ellipsis or
    /// run of raised marks, of a number (groups of at most ``longestGroup`` digits and what lists them); the
    /// most marks in a run.
    private static let longestAside = 10
    private static let longestLabel = 4
    private static let longestEllipsis = 100
    private static let longestRaised = 4
    private static let longestNumber = 15
    private static let longestGroup = 3
    private static let mostMarks = 16

    /// The end (exclusive) of the run of marks that starts at `start` (perhaps with what a reader reads
    /// through), when one does and stands between two ideographs: `previous`, the last scalar shown before it,
    /// and the first scalar after it that is no ``isGap(_:)``.
    static func end(of scalars: [Unicode.Scalar], at start: Int, previous: Unicode.Scalar?) -> Int? {
        guard let previous, PhoneticReadings.isIdeograph(previous) else { return nil }
        var index = start
        var marks = 0
        var afterLast = start
        var lastIsANumber = false
        while index < scalars.count, marks < mostMarks {
            index = skippingGaps(scalars, from: index)
            guard index < scalars.count, let end = markEnd(scalars, at: index) else { break }
            marks += 1
            lastIsANumber = isDigit(scalars[index])
            index = end
            afterLast = end
        }
        guard marks > 0 else { return nil }
        let end = skippingGaps(scalars, from: afterLast)
        guard end < scalars.count, PhoneticReadings.isIdeograph(scalars[end]) else { return nil }
        // A number before a unit or a measure word counts something (`孕前3个月`, `满18周岁`, `第2条`): no mark.
        return lastIsANumber && countsWith(scalars[end]) ? nil : end
    }

    /// The units and measure words a number is written before.
    private static func countsWith(_ scalar: Unicode.Scalar) -> Bool {
        // Not 级 nor 代: terms end with them (`绝密级`), and `绝密1级` is read past.
        "个月日年天岁周时分秒次回人名位例床条款项章节页号期批剂针价支片粒丸袋瓶盒克毫斤升米元角家所层楼类种份本张间倍成度点届轮组班".unicodeScalars.contains(scalar)
    }

    /// The end (exclusive) of one mark at `index`, if one starts there.
    private static func markEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let first = scalars[index]
        if PhoneticReadings.isIdeograph(first) { return nil }
        var end = index + 1
        if let close = closing(first) {
            // Nested brackets of the same kind count (`（注（1））`); what a reader reads through does not.
            var depth = 1
            var shown = 0
            while end < scalars.count, shown <= longestAside + 1 {
                let scalar = scalars[end]
                // Any closing bracket closes the outermost (`内部[1）资料`), as a reader reads it.
                if scalar == close || (depth == 1 && isClosing(scalar)) { depth -= 1 } else if scalar == first { depth += 1 }
                if depth == 0 { return shown > 0 ? end + 1 : nil }
                if !isGap(scalar) {
                    guard callsANote(scalar) else { return nil }
                    shown += 1
                }
                end += 1
            }
            return nil
        }
        if first == "^" || first == "＾" {
            // `^1`, `^a^`: a footnote written as Markdown's extensions write it, which cmark shows as written.
            while end < scalars.count, end - index <= longestLabel, isDigit(scalars[end]) || isLetter(scalars[end]) { end += 1 }
            guard end > index + 1 else { return nil }
            return end < scalars.count && scalars[end] == first ? end + 1 : end
        }
        if isDot(first) {
            // Dots or full stops that write an ellipsis: two or more, perhaps spaced (`. . .`).
            var dots = 1
            while end < scalars.count, end - index <= longestEllipsis {
                let next = skippingGaps(scalars, from: end)
                guard next < scalars.count, isDot(scalars[next]) else { break }
                dots += 1
                end = next + 1
            }
            return dots >= 2 ? end : nil
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
            // A number, or numbers listed or ranged (`1,2`, `1-3`, `1～3`): groups of at most three digits.
            var group = 1
            while end < scalars.count, end - index < longestNumber {
                if isDigit(scalars[end]) {
                    group += 1
                    guard group <= longestGroup else { return nil }
                } else if isListing(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    group = 0
                } else if scalars[end] == "." || scalars[end] == "．" {
                    // `1.` as a list numbers it: the dot is the number's.
                    end += 1
                    break
                } else {
                    break
                }
                end += 1
            }
            return end < scalars.count && isDigit(scalars[end]) ? nil : end
        }
        return nil
    }

    /// What an aside that calls a note holds: numbers, letters, marks, and the characters of a call
    /// (`注` `注释` `附注` `编者注` `见注1` `参见` `同上` `略` `第2页` `图表`…).
    private static func callsANote(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return true }
        if isDigit(scalar) || isRaisedOrNote(scalar) || isEllipsis(scalar) || isDot(scalar) || isListing(scalar) { return true }
        if PhoneticReadings.isIdeograph(scalar) {
            return "注释附脚尾编者译原见参详同上略省下中前后第条页图表款项号版文录件说明一二三四五六七八九十甲乙丙丁".unicodeScalars.contains(scalar)
        }
        return ScalarTable.readsThrough(scalar)
    }

    /// The bracket that closes an aside opened by `scalar`: any that closes a reading, and the others of Unicode.
    private static func closing(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "⟨": "⟩"
        case "⁽": "⁾"
        case "₍": "₎"
        case "﹙": "﹚"
        case "︵": "︶"
        case "﹝": "﹞"
        case "｟": "｠"
        case "⦅": "⦆"
        case "❨": "❩"
        case "〘": "〙"
        case "〚": "〛"
        case "⁅": "⁆"
        case "‹": "›"
        case "«": "»"
        case "⟦": "⟧"
        case "﹤": "﹥"
        case "⸨": "⸩"
        case "＜": "＞"
        case "︹": "︺"
        case "︷": "︸"
        case "︻": "︼"
        case "︽": "︾"
        case "︿": "﹀"
        case "﹁": "﹂"
        case "﹃": "﹄"
        case "﹛": "﹜"
        case "︗": "︘"
        default: PhoneticReadings.closing(scalar)
        }
    }

    /// Whether `scalar` closes some bracket pair.
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        ")]}>）］｝》〉」』】〕〗〙〛⟩⁾₎﹚︶﹞｠⦆❩⁆›»⟧﹥⸩＞︺︸︼︾﹀﹂﹄﹜︘".unicodeScalars.contains(scalar)
    }

    /// The first index from `index` on that is no ``isGap(_:)``.
    private static func skippingGaps(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index < scalars.count, isGap(scalars[index]) { index += 1 }
        return index
    }

    /// What a reader reads through around and between marks: white space (line breaks too), what is drawn as
    /// nothing, and marks that are noise to the matcher (`*` `_` `~` `†` `★` `·` `、`), but the clause marks,
    /// the brackets and the marks that are a run's own (dots, ellipses, `^`, raised digits).
    static func isGap(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // An asterisk too: `*1` is one read through and a number.
        case 0x09, 0x0A, 0x20, 0x22...0x27, 0x2A, 0x2B, 0x2D, 0x3D, 0x40, 0x5C, 0x5F, 0x60, 0x7C, 0x7E: return true
        case 0...0x7F: return false
        // Ideographs, and the common Chinese marks: `、` `“` `”` `·` `—` are read through, `，` `。` `；` and brackets not.
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return false
        case 0x3001, 0x3000, 0x201C, 0x201D, 0x2018, 0x2019, 0xB7, 0x2014, 0x2015, 0x30FB: return true
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF3E, 0xFE50, 0xFE54...0xFE57, 0xFE10, 0xFE13...0xFE16: return false
        default:
            if closing(scalar) != nil || isDot(scalar) || isEllipsis(scalar) || isRaisedOrNote(scalar) || isDigit(scalar) { return false }
            return ScalarTable.readsThrough(scalar)
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
        case 0x2E: return next == 0x2E || next >= 0x80 || next == 0x20
        // A digit at the start of a line, or after anything but a letter or digit (an ideograph, `'`, `~`…).
        case 0x30...0x39:
            guard index > 0 else { return true }
            let before = bytes[index - 1]
            return !((0x30...0x39).contains(before) || (0x41...0x5A).contains(before) || (0x61...0x7A).contains(before))
        case 0xD9, 0xDB: return true  // Arabic-Indic digits
        case 0xE0: return next == 0xA5  // Devanagari digits
        case 0xF0: return next == 0x9D  // mathematical digits
        case 0xC2: return [0xAA, 0xAB, 0xB2, 0xB3, 0xB9, 0xBA].contains(next)  // ª « ² ³ ¹ º
        case 0xCA, 0xCB: return true  // raised letters ʰ–ʸ ˠ–ˤ
        case 0xE2:
            switch (next, last) {
            case (0x80, 0xA5), (0x80, 0xA6), (0x80, 0xB9), (0x80, 0xBB), (0x81, 0x85), (0x81, 0xB0...0xBF), (0x82, 0x80...0x9F),
                 (0x85, 0xA0...0xBF), (0x86, 0x80...0x88),  // Ⅰ–ↈ
                 (0x8B, 0xAF), (0x9D, 0xA8), (0x9F, 0xA6), (0x9F, 0xA8), (0xA6, 0x85), (0xB1, 0xBC...0xBD), (0xB8, 0xA8):
                return true  // ‥ … ‹ ※ ⁅ ⁰–⁹ ⁽ ⁿ ₀–₉ ₍ ⋯ ❨ ⟦ ⟨ ⦅ ⱼ ⱽ ⸨
            default:
                return false
            }
        case 0xE3:
            // 。 before what may go on with an ellipsis (a dot, a space, a scalar drawn as nothing), 〘〚, ㆒–㆟, ㊟.
            if next == 0x80, last == 0x82 { return continuesAnEllipsis(bytes, at: index + 3) }
            return (next == 0x80 && (0x98...0x9B).contains(last)) || (next == 0x86 && last >= 0x92) || (next == 0x8A && last == 0x9F)
        case 0xEA: return next == 0x9F  // ꟸ ꟹ
        case 0xEF:
            // ︗ ︙–︾ ﹀–﹄ ﹙–﹞ ﹡ ﹤ ＊ ． ０–９ ＜ ＞ ＾ ｟ ｡
            return next == 0xB8 || next == 0xB9 || (next == 0xBC && ((0x90...0x99).contains(last) || [0x8A, 0x8E, 0x9C, 0x9E, 0xBE].contains(last)))
                || (next == 0xBD && (last == 0x9F || last == 0xA1))
        default:
            return false
        }
    }

    /// Whether the bytes at `index` are a dot or what may stand between two dots of an ellipsis.
    private static func continuesAnEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let (first, second, third) = (bytes[index], index + 1 < bytes.count ? bytes[index + 1] : 0, index + 2 < bytes.count ? bytes[index + 2] : 0)
        switch (first, second, third) {
        case (0x20, _, _), (0x2E, _, _), (0x0A, _, _), (0xE3, 0x80, 0x80), (0xE3, 0x80, 0x82), (0xE3, 0x85, 0xA4), (0xE2, 0x80, 0x8B...0x8F),
             (0xEF, 0xBC, 0x8E), (0xEF, 0xBD, 0xA1), (0xEF, 0xBB, 0xBF), (0xEF, 0xB9, 0x92), (0xEF, 0xB8, 0x92):
            return true
        default:
            return false
        }
    }

    /// What writes a dot of an ellipsis: `.` `．` `。` `｡` `﹒` `︒`.
    private static func isDot(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0xFF0E, 0x3002, 0xFF61, 0xFE52, 0xFE12: true
        default: false
        }
    }

    private static func isEllipsis(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2025, 0x2026, 0x22EF, 0xFE19, 0xFE30: true
        default: false
        }
    }

    /// What lists or ranges numbers: `,` `，` `、` and the dashes and waves.
    private static func isListing(_ scalar: Unicode.Scalar) -> Bool {
        ",，、-–—－~～〜./．／".unicodeScalars.contains(scalar)
    }

    /// Raised and lowered digits and letters, and the marks that call a note (`※`, `㊟`, kanbun's `㆒`…).
    private static func isRaisedOrNote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAA, 0xB2, 0xB3, 0xB9, 0xBA, 0x2B0...0x2B8, 0x2E0...0x2E4, 0x1D2C...0x1D6A, 0x1D9B...0x1DBF, 0x2070...0x207C,
             0x207F...0x208C, 0x2090...0x209C, 0x203B, 0x2C7C, 0x2C7D, 0x3192...0x319F, 0x329F, 0xA7F8, 0xA7F9: true
        default: false
        }
    }

    /// Digits of any script a reader reads as one (`１` `١` `१` `𝟏`), and Roman numerals (`Ⅰ` `ⅱ`).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0xFF10...0xFF19, 0x660...0x669, 0x6F0...0x6F9, 0x966...0x96F, 0x2160...0x2188, 0x1D7CE...0x1D7FF: true
        default: false
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
