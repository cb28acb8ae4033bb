/// What a run of digits is, if it is a caller's personal number (appendix 2 (3)).
enum NumberKind {
    /// Classifies `digits` (ASCII digits, an ID card's final `x` allowed).
    /// - Parameter international: the number was written after a `+`.
    static func classify(_ digits: [UInt8], international: Bool) -> Rule? {
        if digits.last == UInt8(ascii: "x") {
            return digits.count == 18 && ResidentID.isValid18(digits) ? .idCard : nil
        }
        switch digits.count {
        case 18 where ResidentID.isValid18(digits):
            return .idCard
        case 15 where ResidentID.isValid15(digits):
            return .idCard
        default:
            break
        }
        if isMobile(stripCountryCode(digits, international: international)) { return .mobile }
        if isLandline(digits) { return .landline }
        // +86 25 8335 9001: abroad, the area code is written without its 0.
        if international, digits.starts(with: "86".utf8), isLandline([UInt8(ascii: "0")] + digits.dropFirst(2)) { return .landline }
        if (16...19).contains(digits.count), isBankCard(digits) { return .bankCard }
        return nil
    }

    private static func stripCountryCode(_ digits: [UInt8], international: Bool) -> ArraySlice<UInt8> {
        if digits.count == 15, digits.starts(with: "0086".utf8) { return digits.dropFirst(4) }
        if digits.count == 13, digits.starts(with: "86".utf8) { return digits.dropFirst(2) }
        return digits[...]
    }

    /// `1[3-9]` and nine more digits.
    private static func isMobile(_ digits: ArraySlice<UInt8>) -> Bool {
        digits.count == 11 && digits.first == UInt8(ascii: "1") && digits[digits.startIndex + 1] >= UInt8(ascii: "3")
    }

    /// Area code and local number: `010`/`02x` + 8 digits, or `0[3-9]xx` + 7–8 digits.
    private static func isLandline(_ digits: [UInt8]) -> Bool {
        guard digits.first == UInt8(ascii: "0"), digits.count >= 11, digits.count <= 12 else { return false }
        let second = digits[1]
        if second == UInt8(ascii: "1") || second == UInt8(ascii: "2") {
            return digits.count == 11 && (second == UInt8(ascii: "2") || digits[2] == UInt8(ascii: "0"))
        }
        return second >= UInt8(ascii: "3")
    }

    /// Luhn-valid, or a UnionPay number (`62…`). An 18-digit number shaped like a
    /// resident ID (a real birth date inside) whose check digit is wrong is a
    /// mistyped ID or a document number, not a card, unless it is UnionPay and Luhn-valid.
    private static func isBankCard(_ digits: [UInt8]) -> Bool {
        let luhn = Luhn.isValid(digits)
        let unionPay = digits.starts(with: "62".utf8)
        if digits.count == 18 && ResidentID.hasBirthDate(digits) { return luhn && unionPay }
        return luhn || unionPay
    }
}

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

/// The Luhn checksum of payment card numbers.
enum Luhn {
    static func isValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (position, byte) in digits.reversed().enumerated() {
            var value = Int(byte) - 0x30
            guard (0...9).contains(value) else { return false }
            if position % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
