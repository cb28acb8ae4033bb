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

    package init(name: String, phones: [String], emails: [String]) {
        self.name = name
        self.phones = phones.map { Self.digits(of: $0) }
        self.emails = emails.map { $0.lowercased() }
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
            return phones.contains { listed in
                if listed == value { return true }
                let local = (7...8).contains(value.count) ? value : nil
                if let local, listed.hasSuffix(local), listed.hasPrefix("0"), (3...4).contains(listed.count - local.count) { return true }
                return false
            }
        default:
            return false
        }
    }
}
