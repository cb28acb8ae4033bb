/// A landline written without its area code (`83106666`, `8310 6666`): too
/// short to tell from other numbers by itself, so it counts as a caller's
/// number where a word announces a telephone number just before it
/// (`联系电话：83106666`, `拨打 8310-6666`, `Tel 83106666`).
enum LocalNumber {
    /// Local numbers in China have 7 or 8 digits.
    static let digitCounts = 7...8

    /// Words that announce a telephone number, simplified and traditional, lowercase ASCII.
    static let announcingWords = ["电话", "電話", "手机", "手機", "联系", "聯系", "聯繫", "拨打", "撥打", "致电", "致電", "号码", "號碼",
                                  "座机", "座機", "热线", "熱線", "传真", "傳真", "tel", "phone", "call", "fax", "mobile"]

    /// What may stand between the word and the number: spaces, colons, brackets, `是`, `为`.
    private static let between: Set<Character> = [" ", "\u{3000}", ":", "：", "(", "（", "[", "【", "「", "是", "为", "為", "-", "\t"]

    /// Whether a word of ``announcingWords`` ends just before byte `offset` of the text as written.
    static func isAnnounced(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = max(0, offset - 32)
        var before = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<offset]), as: UTF8.self))
        var skipped = 0
        while let last = before.last, between.contains(last), skipped < 4 {
            before.removeLast()
            skipped += 1
        }
        let tail = before.suffix(6).lowercased()
        return announcingWords.contains { tail.hasSuffix($0) }
    }

    /// The run of digit groups as a landline, unless it is a date (`20240910`) or allowed.
    static func item(_ groups: [PersonalDataScanner.Group], in ascii: UnsafeBufferPointer<UInt8>,
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
