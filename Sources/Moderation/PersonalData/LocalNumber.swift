/// A landline written without its area code (`83106666`, `8310 6666`): too
/// short to tell from other numbers by itself, so it counts as a caller's
/// number where a word announces a telephone number just before it
/// (`联系电话：83106666`, `拨打 8310-6666`, `Tel 83106666`).
enum LocalNumber {
    /// Local numbers in China have 7 or 8 digits.
    static let digitCounts = 7...8

    /// Words that announce a telephone number, simplified and traditional, lowercase ASCII.
    static let announcingWords = ["电话", "電話", "手机", "手機", "联系", "聯系", "聯繫", "拨打", "撥打", "致电", "致電", "号码", "號碼",
                                  "座机", "座機", "固话", "固話", "热线", "熱線", "传真", "傳真", "请打", "請打", "打给", "打給",
                                  "tel", "phone", "call", "fax", "mobile"]

    /// How far before the number the word may stand (`电话（工作日）：`, `联系人张女士 `).
    private static let window = 12

    /// What lists numbers after one announced (`电话：025-83106666，83106667`): digits and the marks of a number, then a list mark.
    private static let numberMarks: Set<Character> = ["-", "－", "—", "(", ")", "（", "）", " ", "\u{3000}", "转", "轉", "+", "."]
    private static let listMarks: Set<Character> = ["，", ",", "、", "/", "／", "或", "和", "及", ";", "；"]

    /// Whether a word of ``announcingWords`` stands shortly before byte `offset` of the text as written,
    /// with no digit between (or only other numbers of the same list).
    static func isAnnounced(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = max(0, offset - 96)
        var before = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<offset]), as: UTF8.self).lowercased())
        for _ in 0..<4 {
            let tail = before.suffix(window)
            // The text since the last digit (or the whole window): the word must stand there.
            let sinceDigit = tail.reversed().prefix { !$0.isNumber }
            let words = String(sinceDigit.reversed())
            if announcingWords.contains(where: words.contains) { return true }
            // A list of numbers: `…83106666，` — look before the previous number.
            var rest = before
            while let last = rest.last, last.isWhitespace || listMarks.contains(last) { rest.removeLast() }
            guard rest.count < before.count, let last = rest.last, last.isNumber else { return false }
            while let last = rest.last, last.isNumber || numberMarks.contains(last) { rest.removeLast() }
            before = rest
        }
        return false
    }

    /// The run of digit groups as a landline, unless it is a date (`20240910`) or allowed.
    static func item(_ groups: ArraySlice<PersonalDataScanner.Group>, in ascii: UnsafeBufferPointer<UInt8>,
                     allowedNumbers: Set<String>) -> PersonalDataScanner.Item? {
        guard let first = groups.first, let last = groups.last else { return nil }
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
}
