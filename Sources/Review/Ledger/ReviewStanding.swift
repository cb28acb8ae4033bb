import Content
import Moderation

/// What the review queue, `review show`, the desk and the held-back report
/// need of any review, whatever it reviews (answer or transcript).
package protocol ReviewStanding: Sendable {
    /// The current revision.
    var item: any ReviewSubject { get }
    /// The revision readers get, if any.
    var liveItem: (any ReviewSubject)? { get }
    var findings: [Finding] { get }
    var sha256: String { get }
    var findingsFingerprint: String { get }
    var status: ReviewStatus { get }
    var submitters: [Person] { get }
    /// Why it is held back (or kept at an earlier revision), in a sentence; `nil` when this revision is published.
    var reason: String? { get }
}

extension ReviewStanding {
    package var blockingFindings: [Finding] { findings.filter { $0.severity == .block } }

    /// Whether an earlier approved revision stays online while this one waits.
    package var isPendingRevision: Bool { status != .publishable && liveItem != nil }
}
