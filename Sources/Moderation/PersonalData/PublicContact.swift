/// An organisation's published telephone numbers and e-mail addresses (a
/// hospital, a health commission office), from the contact directory. A
/// number or address in an answer that is one of them is public, not a
/// caller's, however it is written.
package struct PublicContact: Sendable, Equatable {
    /// The organisation, as reviewers see it on the finding.
    package let name: String
    /// Digits only: `025-83106666` is `02583106666`.
    package let phones: [String]
    /// Lowercased.
    package let emails: [String]
    /// Whether a landline written without its area code (`83106666`) is this organisation's: only in
    /// answers of the organisation's own city, where dialling it reaches it.
    package let matchesLocalForm: Bool

    package init(name: String, phones: [String], emails: [String], matchesLocalForm: Bool = true) {
        self.name = name
        self.phones = phones.map { Self.digits(of: $0) }
        self.emails = emails.map { $0.lowercased() }
        self.matchesLocalForm = matchesLocalForm
    }

    /// The same organisation, its local form allowed or not.
    package func matchingLocalForm(_ allowed: Bool) -> PublicContact {
        PublicContact(name: name, phones: phones, emails: emails, matchesLocalForm: allowed)
    }

    /// The digits of a number as written in the directory (a leading `+86` or `86` country code dropped).
    package static func digits(of phone: String) -> String {
        var digits = String(phone.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if phone.trimmingPrefix(while: { $0 == " " }).hasPrefix("+86") || (digits.hasPrefix("86") && digits.count == 13) {
            digits.removeFirst(2)
            if !digits.hasPrefix("0") && !digits.hasPrefix("1") { digits = "0" + digits }
        }
        return digits
    }

    /// Whether the number or address found (`value`, as the scanner reads it) is one of this organisation's.
    /// A local landline (7–8 digits) matches a listed number with its area code (`0` and 2–3 digits) before it.
    func lists(_ value: String, rule: Rule) -> Bool {
        switch rule {
        case .email:
            return emails.contains(value.lowercased())
        case .mobile, .landline:
            let national = Self.digits(of: value.hasPrefix("00") ? "+" + value.dropFirst(2) : (value.count >= 12 && value.hasPrefix("86") ? "+" + value : value))
            return phones.contains { listed in
                if listed == value || listed == national { return true }
                guard matchesLocalForm, (7...8).contains(value.count), listed.hasSuffix(value) else { return false }
                // The rest must be the area code: `010`/`02x` before 8 digits, `0[3-9]xx` before 7 or 8.
                let areaCode = listed.dropLast(value.count)
                let short = areaCode.hasPrefix("01") || areaCode.hasPrefix("02")
                return areaCode.hasPrefix("0") && (short ? areaCode.count == 3 && value.count == 8 : areaCode.count == 4)
            }
        default:
            return false
        }
    }
}
