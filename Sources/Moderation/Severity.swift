/// How serious a finding is.
package enum Severity: String, Sendable, Codable, Comparable {
    /// Needs a reviewer's decision.
    case review
    /// Can never be published or approved: classified content, callers' personal data.
    case block

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .review && rhs == .block }
}
