/// How serious a finding is.
package enum Severity: String, Sendable, Codable, Comparable {
    /// Needs a reviewer's decision.
    case review
    /// Can never be published or approved: classified content, callers' personal data.
    case block

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .review && rhs == .block }
}

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

    package var severity: Severity {
        switch self {
        case .sensitive, .taboo: .review
        default: .block
        }
    }
}

/// One thing moderation found in a text, located in the text as written.
package struct Finding: Sendable, Equatable, Codable {
    package let rule: Rule
    package let severity: Severity
    /// The lexicon entry, for lexicon rules.
    package let term: String?
    /// The original text, evasions included.
    package let matched: String
    /// 1-based line and column, counted in Unicode scalars of the text as written.
    package let line: Int
    package let column: Int
    package let label: String?

    package init(rule: Rule, term: String?, matched: String, line: Int, column: Int, label: String?) {
        self.rule = rule
        self.severity = rule.severity
        self.term = term
        self.matched = matched
        self.line = line
        self.column = column
        self.label = label
    }

    /// The same finding placed at another line and column (a finding in what
    /// readers see, moved to where its source stands).
    func located(line: Int, column: Int) -> Finding {
        Finding(rule: rule, term: term, matched: matched, line: line, column: column, label: label)
    }
}
