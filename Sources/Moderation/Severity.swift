/// How serious a finding is.
package enum Severity: String, Sendable, Codable, Comparable {
    /// Shown to reviewers, allowed: an organisation's published contact from the directory.
    case info
    /// Needs a reviewer's decision.
    case review
    /// Can never be published or approved: classified content, callers' personal data.
    case block

    private var rank: Int {
        switch self {
        case .info: 0
        case .review: 1
        case .block: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
