/// What a finding is about.
package enum Rule: String, Sendable, Codable, CaseIterable {
    case classified
    case sensitive
    case taboo
    case idCard = "pii.id-card"
    case mobile = "pii.mobile"
    case landline = "pii.landline"
    case email = "pii.email"
    case bankCard = "pii.bank-card"
    /// A right-to-left character or direction control: it reorders what
    /// readers see (`5678 1234 139` shown as `139 1234 5678`), and a 12320
    /// site has no right-to-left text.
    case rightToLeft = "text.right-to-left"
    /// A telephone number or e-mail address of an organisation listed in the
    /// province's contact directory (`lexicon/contacts.yml`) for the answer's
    /// scope: public, shown to reviewers with the organisation's name.
    case publicContact = "contact.public"
    /// An ideograph outside GB 2312 (read as simplified), or a radical of the CJK radicals supplement: it may be
    /// a variant drawn like a common character, which no table maps and a reader reads as that character
    /// (`秘宻级`, `内部眀电`, `领导批⺬件`); a reviewer reads it.
    case rareCharacter = "text.rare-character"

    package var severity: Severity {
        switch self {
        case .publicContact: .info
        case .sensitive, .taboo, .rareCharacter: .review
        default: .block
        }
    }
}
