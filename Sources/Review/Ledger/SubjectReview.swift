import Diagnostics
import Content
import Crypto
import Moderation

/// Where one answer stands.
package typealias AnswerReview = SubjectReview<Answer>
/// Where one media transcript stands.
package typealias TranscriptReview = SubjectReview<Transcript>

/// Where one answer or transcript stands: its findings, its text's hash, and whether it may be published.
package struct SubjectReview<Subject: ReviewSubject>: ReviewStanding {
    package typealias Status = ReviewStatus

    package let subject: Subject
    package let findings: [Finding]
    package let sha256: String
    /// Identifies the findings a reviewer saw: a lexicon change that adds one sends the answer back.
    package let findingsFingerprint: String
    /// Where the current revision stands.
    package private(set) var status: Status
    /// The revision readers get: this one when it is publishable; otherwise the
    /// newest earlier revision that was approved and still passes today's
    /// blocking rules (the live page stays while an edit waits); else none.
    package internal(set) var live: Subject?
    /// Who submitted the current revision for review (counted submissions).
    package let submitters: [Person]

    /// Why the answer is held back (or kept at an earlier revision), in a sentence; `nil` when this revision is published.
    package var reason: String? {
        guard let held = heldBackReason else { return nil }
        return isPendingRevision ? "revision pending review (the approved revision stays online): \(held)" : held
    }

    private var heldBackReason: String? {
        switch status {
        case .publishable:
            return nil
        case .private:
            return "private: a reply to one caller (article 36)"
        case .blocked:
            // Rule and line only: the matched text may be a caller's number, which goes in no report.
            let first = blockingFindings[0]
            return "blocked: \(first.rule.rawValue) at line \(first.line)"
                + (blockingFindings.count > 1 ? " and \(blockingFindings.count - 1) more" : "")
                + "; remove it, it can never be approved (article 37, appendix 2)"
        case .awaitingReview:
            return "awaiting review" + (findings.isEmpty ? "" : " (\(Plural.of(findings.count, "finding")))")
        case .rejected(let reviewer, let note):
            return "rejected by \(reviewer): \(note)"
        case .mediaNotCleared(let name):
            return "the text of media/\(name) (its transcript or description) is not approved; review media/\(name) first"
        }
    }

    package var item: any ReviewSubject { subject }
    package var liveItem: (any ReviewSubject)? { live }

    /// Judges `subject` against its findings, the trusted decisions and the
    /// policy. Fails closed: only a counted approval of these bytes and
    /// findings, or a clean subject under `review: flagged`, is publishable.
    init(_ subject: Subject, findings: [Finding], decisions: TrustedDecisions, policy: ReviewPolicy) {
        self.subject = subject
        self.findings = findings
        sha256 = subject.fileHash
        findingsFingerprint = Self.fingerprint(findings)
        submitters = decisions.submitters(answer: subject.reference, sha256: subject.fileHash)
        if subject.isPrivate {
            status = .private
        } else if findings.contains(where: { $0.severity == .block }) {
            status = .blocked
        } else if let decision = decisions.latestDecision(answer: subject.reference, sha256: sha256, findings: findingsFingerprint) {
            if decision.entry.decision == .rejected {
                status = .rejected(reviewer: decision.person.name, note: decision.entry.note)
            } else {
                // An older approved text put back is not the approved answer any more: it waits like an edit.
                status = decisions.isSuperseded(answer: subject.reference, sha256: sha256) ? .awaitingReview : .publishable
            }
        } else if policy == .flagged && findings.isEmpty {
            status = .publishable
        } else {
            status = .awaitingReview
        }
        live = status == .publishable ? subject : nil
    }

    /// Identifies a set of findings, so an approval counts only for the findings the reviewer saw.
    static func fingerprint(_ findings: [Finding]) -> String {
        if findings.isEmpty { return noFindingsFingerprint }
        let canonical = findings.map { "\($0.rule.rawValue)\t\($0.term ?? "")\t\($0.matched)\t\($0.line)\t\($0.column)" }
        return SHA256.hex(Array(canonical.joined(separator: "\n").utf8))
    }
}

extension SubjectReview where Subject == Answer {
    /// The answer's current revision.
    package var answer: Answer { subject }

    /// This review held back because of media `name` (its live revision presents it uncleared).
    func holdingBack(forMedia name: String) -> AnswerReview {
        var copy = self
        if copy.status == .publishable { copy.status = .mediaNotCleared(name) }
        copy.live = nil
        return copy
    }
}

/// The fingerprint of no findings, the most common case, hashed once.
private let noFindingsFingerprint = SHA256.hex([UInt8]())
