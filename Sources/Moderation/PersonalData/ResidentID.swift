/// GB 11643-1999 citizen identity numbers.
enum ResidentID {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10x98765432".utf8)

    /// 17 digits, a birth date at 7–14, and the MOD 11-2 check character.
    static func isValid18(_ digits: [UInt8]) -> Bool {
        guard digits.count == 18, digits.prefix(17).allSatisfy(isDigit), hasBirthDate(digits) else { return false }
        let sum = zip(digits.prefix(17), weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        return checkCharacters[sum % 11] == digits[17]
    }

    /// The 15-digit form (before 1999): a birth date `YYMMDD` at 7–12, in the 1900s.
    static func isValid15(_ digits: [UInt8]) -> Bool {
        guard digits.count == 15, digits.allSatisfy(isDigit) else { return false }
        return CalendarDate.isValid(year: 1900 + number(digits[6..<8]), month: number(digits[8..<10]), day: number(digits[10..<12]))
    }

    /// An ID with its check character wrong, masked or cut off: a province or region code, a birth date at
    /// 7–14, and 16 or 17 digits (an 18th, if any, whatever it is). The first 17 digits decide the check
    /// character, so `32010219800101123`, `…1235` or `…123×` give the whole number away, and 16 digits all
    /// but one digit of it.
    static func revealsNumber(_ digits: [UInt8]) -> Bool {
        guard (16...18).contains(digits.count), digits.prefix(min(digits.count, 17)).allSatisfy(isDigit), hasBirthDate(digits) else { return false }
        return digits[0] == UInt8(ascii: "9") || regions.contains(number(digits[0..<2]))
    }

    /// The province-level codes an ID starts with (GB/T 2260), Hong Kong, Macao and Taiwan included, and 83, the
    /// residence permits of Taiwan residents; a foreigner's permanent residence card starts with 9 (any).
    private static let regions: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                                            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]

    static func hasBirthDate(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 14, digits[6..<14].allSatisfy(isDigit) else { return false }
        let year = number(digits[6..<10])
        return (1900...2099).contains(year) && CalendarDate.isValid(year: year, month: number(digits[10..<12]), day: number(digits[12..<14]))
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
