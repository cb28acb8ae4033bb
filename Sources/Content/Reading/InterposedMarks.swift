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
/// Not read past, because honest text writes them between words: the numbers
/// of a list (`①贫血②头晕`, `（1）贫血（2）头晕`, `1、贫血2、头晕`: read past,
/// they gave `血头`), a quantity (`约30%孕妇`, `孕前3个月`), and asides that say
/// something (`暑假（7月至8月）疫苗` would read `假疫苗`): an aside is read past
/// only when it holds nothing but numbers, letters, marks and the characters of
/// a note's call (`注` `见` `略` `第` `页`…). Found by a probe of 25154af, four
/// attacks on the first versions of this reading and a review.
enum InterposedMarks {
    /// The most scalars shown inside an aside in brackets.
    private static let longestAside = 10
    /// The most letters or digits of a footnote's label after `^`.
    private static let longestLabel = 4
    /// The most scalars of one ellipsis, and of one run of raised marks.
    private static let longestEllipsis = 100
    private static let longestRaised = 4
    /// The most scalars of a number (its groups and what lists them), and of one group of digits.
    private static let longestNumber = 15
    private static let longestGroup = 3
    /// The most marks in one run.
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
        var afterACaret = false
        while index < scalars.count, marks < mostMarks {
            index = skippingGaps(scalars, from: index)
            guard index < scalars.count, let end = markEnd(scalars, at: index, afterACaret: afterACaret) else { break }
            marks += 1
            lastIsANumber = isDigit(scalars[index])
            afterACaret = isCaret(scalars[index])
            index = end
            afterLast = end
        }
        guard marks > 0 else { return nil }
        let end = skippingGaps(scalars, from: afterLast)
        guard end < scalars.count, PhoneticReadings.isIdeograph(scalars[end]) else { return nil }
        // A number before a unit or a measure word counts something (`孕前3个月`, `满18周岁`, `第2条`): no mark.
        return lastIsANumber && countsWith(scalars[end]) ? nil : end
    }

    /// The end (exclusive) of the mark in brackets opened at `index` by a bracket `closing` closes: holding only a
    /// note's call, not a list's number in round brackets (`（2）`) but `afterACaret` (`^(2)`).
    private static func bracketEnd(_ scalars: [Unicode.Scalar], at index: Int, closing close: Unicode.Scalar, afterACaret: Bool) -> Int? {
        let first = scalars[index]
        var end = index + 1
        // Nested brackets count, of any kind (`（注（1））`, `[(1)]`); any closing bracket closes the outermost
        // (`内部[1）资料`), as a reader reads it. What a reader reads through is not counted. `inner`: the
        // closers of the brackets opened inside, innermost last (no array is made without one).
        var inner: [Unicode.Scalar] = []
        var shown = 0
        var onlyAnOrdinal = true
        while end < scalars.count {
            let scalar = scalars[end]
            let isIdeograph = PhoneticReadings.isIdeograph(scalar)
            if scalar == (inner.last ?? close) || (inner.isEmpty && !isIdeograph && closers.contains(scalar)) {
                if inner.isEmpty {
                    // `（2）` between two items numbers a list, as `②` does.
                    guard shown > 0, afterACaret || !(onlyAnOrdinal && (first == "（" || first == "(")) else { return nil }
                    return end + 1
                }
                inner.removeLast()
            } else if !isIdeograph, scalar != "/", let closer = closing(scalar) {
                inner.append(closer)
                onlyAnOrdinal = false
            } else if !isGap(scalar) {
                guard callsANote(scalar) else { return nil }
                shown += 1
                guard shown <= longestAside else { return nil }
                onlyAnOrdinal = onlyAnOrdinal && (isDigit(scalar) || ordinals.contains(scalar))
            }
            end += 1
        }
        return nil
    }

    /// The units and measure words a number is written before.
    private static func countsWith(_ scalar: Unicode.Scalar) -> Bool {
        units.contains(scalar)
    }

    /// Not 级 nor 代: terms end with them (`绝密级`), and `绝密1级` is read past.
    private static let units = Set("个月日年天岁周时分秒次回人名位例床条款项章节页号期批剂针价支片粒丸袋瓶盒克毫斤升米元角家所层楼类种份本张间倍成度点届轮组班".unicodeScalars)

    /// The characters of a note's call (`注` `注释` `附注` `编者注` `见注1` `参见` `同上` `略` `第2页` `图表` `附件`…).
    private static let callCharacters = Set("注释附脚尾编者译原见参详同上略省下中前后第条页图表款项号版文录件说明一二三四五六七八九十甲乙丙丁".unicodeScalars)

    /// The numerals a list is numbered with besides digits (`（一）`, `（甲）`).
    private static let ordinals = Set("一二三四五六七八九十甲乙丙丁".unicodeScalars)

    /// What ends a number that numbers a list (`2、` `2.` `2)`) or a quantity (`30%` `37℃`).
    private static let listOrQuantity = Set("、.．)）%％‰℃°".unicodeScalars)

    /// The end (exclusive) of one mark at `index`, if one starts there.
    /// - Parameter afterACaret: whether the mark before it in the run was a caret: a bracket after one calls a note.
    private static func markEnd(_ scalars: [Unicode.Scalar], at index: Int, afterACaret: Bool) -> Int? {
        let first = scalars[index]
        if PhoneticReadings.isIdeograph(first) { return nil }
        var end = index + 1
        if let close = closing(first) { return bracketEnd(scalars, at: index, closing: close, afterACaret: afterACaret) }
        if isCaret(first) {
            // `^1`, `^a^`: a footnote written as Markdown's extensions write it, which cmark shows as written.
            while end < scalars.count, end - index <= longestLabel, isDigit(scalars[end]) || isLetter(scalars[end]) { end += 1 }
            // A caret alone is a mark too, before another (`^^[1]`, `^ [1]`, `^¹`, `^“1”`); a bracket after it
            // calls a note, whatever number it holds (`^[1]`, `^(1)`, `ˆ（1）`).
            guard end > index + 1 else { return end }
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
                } else {
                    break
                }
                end += 1
            }
            guard end < scalars.count else { return end }
            // A list's number (`2、` `2.` `2)`) or a quantity (`30%` `37℃`) is no mark.
            if isDigit(scalars[end]) || listOrQuantity.contains(scalars[end]) { return nil }
            return end
        }
        return nil
    }

    /// What an aside that calls a note holds: numbers, letters, marks, and the ``callCharacters``.
    private static func callsANote(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return true }
        if isDigit(scalar) || isRaisedOrNote(scalar) || isEllipsis(scalar) || isDot(scalar) || isListing(scalar) { return true }
        if PhoneticReadings.isIdeograph(scalar) { return callCharacters.contains(scalar) }
        return ScalarTable.readsThrough(scalar)
    }

    /// The bracket that closes an aside opened by `scalar`: one that may hold a reading
    /// (``PhoneticReadings/closing(_:)``), or another of Unicode's pairs.
    private static func closing(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let close = PhoneticReadings.closing(scalar) { return close }
        switch scalar {
        case "⟨": return "⟩"
        case "⁽": return "⁾"
        case "₍": return "₎"
        case "﹙": return "﹚"
        case "︵": return "︶"
        case "﹝": return "﹞"
        case "｟": return "｠"
        case "⦅": return "⦆"
        case "❨": return "❩"
        case "〘": return "〙"
        case "〚": return "〛"
        case "⁅": return "⁆"
        case "‹": return "›"
        case "«": return "»"
        case "⟦": return "⟧"
        case "﹤": return "﹥"
        case "⸨": return "⸩"
        case "＜": return "＞"
        case "︹": return "︺"
        case "︷": return "︸"
        case "︻": return "︼"
        case "︽": return "︾"
        case "︿": return "﹀"
        case "﹁": return "﹂"
        case "﹃": return "﹄"
        case "﹛": return "﹜"
        case "︗": return "︘"
        default: return nil
        }
    }

    /// Every closing bracket of ``closing(_:)`` (not `/`, which opens too), made from it once.
    private static let closers: Set<Unicode.Scalar> = {
        let openers = "([{<（［｛《〈「『【〔〖⟨⁽₍﹙︵﹝｟⦅❨〘〚⁅‹«⟦﹤⸨＜︹︷︻︽︿﹁﹃﹛︗".unicodeScalars
        return Set(openers.compactMap(closing))
    }()

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
            if closing(scalar) != nil || isDot(scalar) || isEllipsis(scalar) || isRaisedOrNote(scalar) || isDigit(scalar) || isCaret(scalar) {
                return false
            }
            return ScalarTable.readsThrough(scalar)
        }
    }

    /// Whether `line` begins, past what a reader reads through (``isGap(_:)``), with a dot of an ellipsis: a line of
    /// a block that does may end one that the line before began, which neither line shows alone (the quick look at
    /// each line's bytes passes a full stop at a line's end: nearly every sentence ends so).
    static func beginsWithADot(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !isGap($0) }) else { return false }
        return isDot(first)
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
        switch scalar {
        case ",", "，", "、", "-", "–", "—", "－", "~", "～", "〜", ".", "/", "．", "／": true
        default: false
        }
    }

    /// What writes a caret: `^` `＾`, the modifier circumflex `ˆ`, `˄` and `‸`.
    private static func isCaret(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5E, 0xFF3E, 0x2C6, 0x2C4, 0x2038: true
        default: false
        }
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
        case 0x30...0x39, 0xFF10...0xFF19: true
        // Roman and Hangzhou numerals (`Ⅱ`, `〡` `〢`: bars a reader takes for marks).
        case 0x2160...0x2188, 0x3021...0x3029, 0x3038...0x303A: true
        // The digits of every other script (`١` `१` `০` `๐` `᠐`…: zeros drawn as circles).
        default: !scalar.isASCII && scalar.properties.generalCategory == .decimalNumber
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
