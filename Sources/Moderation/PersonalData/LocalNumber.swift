import Foundation

/// A landline written without its area code (`83106666`, `8310 6666`): too
/// short to tell from other numbers by itself, so it counts as a caller's
/// number where a word announces a telephone number just before it
/// (`联系电话：83106666`, `拨打 8310-6666`, `Tel 83106666`).
enum LocalNumber {
    /// Local numbers in China have 7 or 8 digits.
    static let digitCounts = 7...8

    /// Words that announce a telephone number, as normalised (simplified, lowercase, no spaces).
    static let announcingWords = ["电话", "手机", "联系", "联络", "拨打", "请拨", "致电", "回电", "电联", "号码", "座机", "固话", "热线", "传真",
                                  "请打", "打给", "微信", "tel", "phone", "call", "fax", "mobile"]

    /// Traditional forms of the characters of those words.
    private static let simplified: [Character: Character] = ["電": "电", "話": "话", "機": "机", "聯": "联", "繫": "系", "係": "系", "絡": "络",
                                                             "撥": "拨", "號": "号", "碼": "码", "熱": "热", "線": "线", "傳": "传",
                                                             "請": "请", "給": "给", "迴": "回"]

    /// How far before the number the word may stand (`联系电话（工作日上午八点至下午五点半）：`).
    private static let window = 24

    /// What lists numbers after one announced (`电话：025-83106666，83106667`): digits and the marks of a number, then a list mark.
    private static let numberMarks: Set<Character> = ["-", "－", "—", "(", ")", "（", "）", " ", "\u{3000}", "转", "轉", "+", "."]
    private static let listMarks: Set<Character> = ["，", ",", "、", "/", "／", "或", "和", "及", ";", "；"]

    /// Counters after a number make it a count, not a telephone number (`接听电话1052368通`).
    private static let counters: Set<Character> = ["通", "次", "人", "个", "個", "件", "元", "份", "例", "名", "万", "萬", "条", "條", "天",
                                                  "户", "戶", "位", "台", "支", "剂", "劑", "盒", "张", "張", "页", "頁", "%", "％"]

    /// Whether a word of ``announcingWords`` stands shortly before byte `offset` of the text as written,
    /// with no digit between (or only other numbers of the same list). The text is read as moderation
    /// reads terms: full width, case, traditional forms and spaces or invisible characters inside the word do not hide it.
    static func isAnnounced(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = max(0, offset - 192)
        // From the start of a character: a window opening inside one would begin with a replacement
        // character, which no quick reading knows, so that every such window took the long way.
        while from < offset, bytes[from] & 0xC0 == 0x80 { from += 1 }
        // Most numbers (dates, counts) have no such word near them: a quick look first, the full reading only if one may be there.
        guard mayHoldWord(UnsafeBufferPointer(rebasing: bytes[from..<offset])) else { return false }
        let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<offset]), as: UTF8.self)
        let read = quickReading(of: written) ?? reading(of: written)
        var before = Substring(String(read).map { simplified[$0] ?? $0 })
        for _ in 0..<4 {
            // The text since the last digit, within the window: the word must stand there.
            let tail = before.suffix(window)
            let words = String(tail.reversed().prefix { !($0.isASCII && $0.isNumber) }.reversed())
            if holdsWord(Array(words.unicodeScalars)) { return true }
            // A list of numbers: `…83106666，` — look before the previous number.
            var rest = before
            while let last = rest.last, listMarks.contains(last) { rest.removeLast() }
            guard rest.count < before.count, let last = rest.last, last.isASCII, last.isNumber else { return false }
            while let last = rest.last, (last.isASCII && last.isNumber) || numberMarks.contains(last) { rest.removeLast() }
            before = rest
        }
        return false
    }

    /// `written` as moderation reads terms: compatibility forms (full width), decomposed,
    /// lower case, no white space, nothing drawn as nothing (``ScalarTable/isInvisible(_:)``:
    /// variation selectors, fillers, combining marks, format characters) and no braille blank.
    static func reading(of written: String) -> String.UnicodeScalarView {
        // Decomposed, so a mark composed onto a letter (`Tel\u{301}` is `Teĺ` once composed) is a mark, dropped.
        written.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            .filter { !$0.properties.isWhitespace && !ScalarTable.isInvisible($0) && $0.value != 0x2800 }
    }

    /// The same as ``reading(of:)``, scalar by scalar, for the text most
    /// windows hold: ASCII, unified ideographs, the full-width forms of ASCII
    /// and the common CJK punctuation, each its own compatibility form or a
    /// plain ASCII one (checked scalar by scalar in `LocalNumberReadingTests`).
    /// `nil` for any other scalar: the window is read the full way.
    static func quickReading(of written: String) -> String.UnicodeScalarView? {
        var read = String.UnicodeScalarView()
        for scalar in written.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0x3000:
                // White space, and the line and paragraph separators (a reader's text ends its blocks with U+2029).
                continue
            case 0x41...0x5A:
                read.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x4E36:
                // 丶, an ideograph drawn as a dot: read through, as terms are.
                continue
            // U+E000 ends each of a reader's texts where the moderator joins them (`Moderator`): it reads as itself.
            case 0x21...0x7E, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x3008...0x3011, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0xB7, 0xE000:
                read.append(scalar)
            case 0xFF21...0xFF3A:
                read.append(Unicode.Scalar(scalar.value - 0xFEE0 + 0x20)!)
            case 0xFF01...0xFF5E:
                read.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default:
                return nil
            }
        }
        return read
    }

    /// Every character the announcing words are made of, as normalised, and the traditional forms that read as them.
    private static let wordScalars: Set<Unicode.Scalar> = Set(announcingWords.flatMap(\.unicodeScalars))
        .union(simplified.keys.flatMap(\.unicodeScalars))

    /// Whether `window` may hold an announcing word once normalised. The
    /// window is read the quick way where that reading is the same: ASCII,
    /// unified ideographs (traditional forms made simple) and CJK punctuation,
    /// spaces dropped, every character that is no letter of a word kept as a
    /// break. Any other character (a full-width or circled letter, a
    /// compatibility ideograph, an invisible one) sends the window to the full
    /// reading. Most numbers (dates, counts) have no word near them: a quick no.
    static func mayHoldWord(_ window: UnsafeBufferPointer<UInt8>) -> Bool {
        // Decoded here rather than through a String, each ideograph looked up in a bit set rather than as a
        // Character in a dictionary: this look took a twelfth of `moderate`'s time over a province.
        var quick: [Unicode.Scalar] = []
        quick.reserveCapacity(window.count)
        var bytes = window.makeIterator()
        var decoder = UTF8()
        while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&bytes) {
            case .scalarValue(let decoded): scalar = decoded
            case .emptyInput: return holdsWord(quick)
            // Bytes that are no UTF-8 read as U+FFFD, which only the full reading knows.
            case .error: return true
            }
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0x3000, 0x4E36, 0x302A...0x302F:
                // White space (the separators of a reader's lines too), 丶 and the ideographic tone marks (combining): the full reading drops them too.
                continue
            case 0x41...0x5A:
                quick.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0..<0x80, 0xB7, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x303F, 0xE000, 0xFF01...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
                quick.append(wordScalars.contains(scalar) ? scalar : "|")
            case 0x4E00...0x9FFF:
                let offset = Int(scalar.value - 0x4E00)
                guard wordIdeographs[offset >> 6] & (1 << UInt64(offset & 63)) != 0 else {
                    quick.append("|")
                    continue
                }
                let simple = simplified[Character(scalar)].flatMap(\.unicodeScalars.first) ?? scalar
                quick.append(wordScalars.contains(simple) ? simple : "|")
            default:
                return true
            }
        }
    }

    /// One bit per unified ideograph (U+4E00...U+9FFF): set for those of ``wordScalars``, which may be
    /// part of an announcing word once made simple. The others are a break.
    private static let wordIdeographs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for scalar in wordScalars where (0x4E00...0x9FFF).contains(scalar.value) {
            let offset = Int(scalar.value - 0x4E00)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }()

    /// The announcing words, scalar by scalar.
    private static let wordsAsScalars = announcingWords.map { Array($0.unicodeScalars) }

    /// Whether one of the announcing words stands in `scalars` (compared scalar by scalar: the text is normalised already).
    private static func holdsWord(_ scalars: [Unicode.Scalar]) -> Bool {
        guard !scalars.isEmpty else { return false }
        for start in scalars.indices where scalars[start] != "|" {
            for word in wordsAsScalars where word[0] == scalars[start] && start + word.count <= scalars.count {
                if scalars[start..<(start + word.count)].elementsEqual(word) { return true }
            }
        }
        return false
    }

    /// Whether a counter (`通`, `次`, `人`…) follows a local number whose bytes end before `end`.
    static func isCount(at end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return false }
        let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 4)]), as: UTF8.self).first
        return next.map(counters.contains) ?? false
    }

    /// The run of digit groups as a landline, unless it is a date (`20240910`) or allowed.
    static func item(_ groups: ArraySlice<PersonalDataScanner.Group>, in ascii: UnsafeBufferPointer<UInt8>,
                     allowedNumbers: Set<String>) -> PersonalDataScanner.Item? {
        guard let first = groups.first, let last = groups.last else { return nil }
        // A date written with its parts (`2024.10.1`, `2024/10/8`, `2024-9-10`) is no telephone number.
        if groups.count >= 3, groups[groups.startIndex].count == 4, let year = number(groups[groups.startIndex], ascii), (1900...2099).contains(year),
            let month = number(groups[groups.startIndex + 1], ascii), let day = number(groups[groups.startIndex + 2], ascii),
            groups[groups.startIndex + 1].count <= 2, groups[groups.startIndex + 2].count <= 2,
            CalendarDate.isValid(year: year, month: month, day: day) {
            return nil
        }
        let digits = groups.flatMap { ascii[$0.first...$0.last] }
        let value = String(decoding: digits, as: UTF8.self)
        if digits.count == 8, let year = Int(value.prefix(4)), (1900...2099).contains(year),
            let month = Int(value.dropFirst(4).prefix(2)), let day = Int(value.suffix(2)),
            CalendarDate.isValid(year: year, month: month, day: day) {
            return nil
        }
        guard !allowedNumbers.contains(value) else { return nil }
        return PersonalDataScanner.Item(rule: .landline, first: first.first, last: last.last, value: value)
    }

    private static func number(_ group: PersonalDataScanner.Group, _ ascii: UnsafeBufferPointer<UInt8>) -> Int? {
        Int(String(decoding: ascii[group.first...group.last], as: UTF8.self))
    }
}
