import Crypto

import Moderation

/// Where one answer stands: its findings, its text's hash, and whether it may be published.
public struct AnswerReview: Sendable {
    public enum Status: Sendable, Equatable {
        /// Approved for exactly this text and these findings, or clean under `review: flagged`.
        case publishable
        case awaitingReview
        case rejected(reviewer: String, note: String)
        /// A `block` finding: never published, cannot be approved.
        case blocked
        case `private`
        /// The answer presents a media file whose transcript is not cleared.
        case mediaNotCleared(String)
    }

    public let answer: Answer
    public let findings: [Finding]
    public let sha256: String
    /// Identifies the findings a reviewer saw: a lexicon change that adds one sends the answer back.
    public let findingsFingerprint: String
    public private(set) var status: Status

    public var blockingFindings: [Finding] { findings.filter { $0.severity == .block } }

    /// Why the answer is held back, in a sentence; `nil` when it is published.
    public var reason: String? {
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
            return "awaiting review" + (findings.isEmpty ? "" : " (\(findings.count) findings)")
        case .rejected(let reviewer, let note):
            return "rejected by \(reviewer): \(note)"
        case .mediaNotCleared(let name):
            return "the transcript of media/\(name) is not approved; review media/\(name) first"
        }
    }

    /// Judges `answer` against its findings, the ledger and the policy. Fails
    /// closed: only an explicit approval of these bytes and findings, or a clean
    /// answer under `review: flagged`, is publishable.
    init(answer: Answer, findings: [Finding], ledger: ReviewLedger, policy: ReviewPolicy) {
        self.answer = answer
        self.findings = findings
        sha256 = answer.fileHash
        findingsFingerprint = Self.fingerprint(findings)
        if answer.visibility == .private {
            status = .private
        } else if findings.contains(where: { $0.severity == .block }) {
            status = .blocked
        } else if let decision = ledger.latestDecision(answer: answer.reference, sha256: sha256, findings: findingsFingerprint) {
            status = decision.decision == .approved ? .publishable : .rejected(reviewer: decision.reviewer, note: decision.note)
        } else if policy == .flagged && findings.isEmpty {
            status = .publishable
        } else {
            status = .awaitingReview
        }
    }

    /// This review held back because of media `name`, when it would otherwise publish.
    func holdingBack(forMedia name: String) -> AnswerReview {
        var copy = self
        if copy.status == .publishable { copy.status = .mediaNotCleared(name) }
        return copy
    }

    static func fingerprint(_ findings: [Finding]) -> String {
        let canonical = findings.map { "\($0.rule.rawValue)\t\($0.term ?? "")\t\($0.matched)\t\($0.line)\t\($0.column)" }
        return SHA256.hex(Array(canonical.joined(separator: "\n").utf8))
    }
}
