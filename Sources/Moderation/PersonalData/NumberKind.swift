/// What a run of digits is, if it is a caller's personal number (appendix 2 (3)).
enum NumberKind {
    /// Classifies `digits` (ASCII digits, an ID card's final `x` allowed).
    /// - Parameters:
    ///   - international: the number was written after a `+`.
    ///   - spacedAsAnID: the digits were written as one run, or with the region code and the birth date each
    ///     whole: only then is an ID whose check character is wrong, cut off or masked one.
    static func classify(_ digits: [UInt8], international: Bool, spacedAsAnID: Bool = true) -> Rule? {
        let revealsID = spacedAsAnID && ResidentID.revealsNumber(digits)
        if digits.last == UInt8(ascii: "x") {
            return digits.count == 18 && (ResidentID.isValid18(digits) || revealsID) ? .idCard : nil
        }
        switch digits.count {
        case 18 where ResidentID.isValid18(digits):
            return .idCard
        case 15 where ResidentID.isValid15(digits):
            return .idCard
        case 16...18 where revealsID:
            // Its check character wrong or left off: the first 17 digits give the number away all the same.
            return .idCard
        default:
            break
        }
        if isMobile(stripCountryCode(digits, international: international)) { return .mobile }
        if isLandline(digits) { return .landline }
        // +86 25 8335 9001, 0086 25 …, 86-25-…: with the country code, the area code is written without its 0.
        let national = digits.starts(with: "0086".utf8) ? Array(digits.dropFirst(2)) : digits
        if international || national.count < digits.count || (12...13).contains(digits.count),
            national.starts(with: "86".utf8), isLandline([UInt8(ascii: "0")] + national.dropFirst(2)) {
            return .landline
        }
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

    /// Luhn-valid, or a UnionPay number (`62…`). An 18-digit number with a real birth date inside is a
    /// card only if it is UnionPay and Luhn-valid (one that starts with a region code is an ID, found before).
    private static func isBankCard(_ digits: [UInt8]) -> Bool {
        let luhn = Luhn.isValid(digits)
        let unionPay = digits.starts(with: "62".utf8)
        if digits.count == 18 && ResidentID.hasBirthDate(digits) { return luhn && unionPay }
        return luhn || unionPay
    }
}
