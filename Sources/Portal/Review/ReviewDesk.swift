import Foundation

/// Records reviewers' decisions, refusing what the regulation forbids.
public enum ReviewDesk {
    /// Why a decision was refused, in a sentence the reviewer can act on.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Appends `decision` on `reference` (`scope/id`) to the content's ledger.
    /// - Throws: ``Refusal`` when the answer does not exist, is private, has a
    ///   blocking finding (approval), or a required note is missing;
    ///   ``OutputError`` when the ledger cannot be written.
    public static func record(_ decision: LedgerEntry.Decision, on reference: String, board: ReviewBoard,
                              contentDirectory: String, reviewer: String, note: String) throws -> LedgerEntry {
        guard let review = board.review(of: reference) else {
            throw Refusal(description: "There is no answer `\(reference)`. Use scope/id as `review queue` lists it, e.g. province/flu-vaccine.")
        }
        let reviewer = reviewer.trimmingCharacters(in: .whitespaces)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reviewer.isEmpty else { throw Refusal(description: "Give your name with --reviewer: every decision is signed.") }
        if review.status == .private {
            throw Refusal(description: "`\(reference)` is private, a reply to one caller: it is never published, so there is nothing to decide (article 36).")
        }
        switch decision {
        case .approved:
            if review.status == .blocked {
                throw Refusal(description: "`\(reference)` cannot be approved: \(review.reason ?? "it has a blocking finding").")
            }
            if !review.findings.isEmpty && note.isEmpty {
                throw Refusal(description: "`\(reference)` has \(review.findings.count) findings for review: approving it needs --note saying why they are acceptable.")
            }
        case .rejected:
            if note.isEmpty { throw Refusal(description: "Rejecting needs --note telling the editor what to change.") }
        }
        return try ReviewLedger.append(to: ReviewBoard.ledgerFile(contentDirectory), answer: reference, sha256: review.sha256,
                                       findings: review.findingsFingerprint, decision: decision, reviewer: reviewer, note: note)
    }
}
