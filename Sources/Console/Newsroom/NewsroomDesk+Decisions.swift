import Content
import Foundation
import HTTPTypes
import Moderation
import Review

extension NewsroomDesk {
    /// 提交审核: the editor signs that the current text is theirs and ready.
    func submit(_ reference: String, session: ActiveSession) throws -> ConsoleJSON.Submitted {
        let snapshot = try current()
        _ = try standing(reference, for: session.account, in: snapshot)
        guard session.account.role.edits else { throw ConsoleFailure.forbidden("Only editors submit answers for review.") }
        _ = try Self.signer(session.account, in: snapshot)
        let entry = try ReviewDesk.record(.submitted, on: reference, board: snapshot.board, contentDirectory: contentDirectory,
                                          key: session.key, note: "")
        invalidate()
        return ConsoleJSON.Submitted(sha256: entry.sha256)
    }

    /// A reviewer's approval or rejection, signed with their key, under the rules of `review`.
    func decide(_ reference: String, decision text: String, note: String, sha256: String?, session: ActiveSession) throws -> ConsoleJSON.Decided {
        let snapshot = try current()
        let review = try standing(reference, for: session.account, in: snapshot)
        guard let decision = LedgerEntry.Decision(rawValue: text), decision != .submitted else {
            throw ConsoleFailure(status: .unprocessableContent, message: "The decision is `approved` or `rejected`.")
        }
        guard session.account.role.decides else { throw ConsoleFailure.forbidden("Only reviewers approve or reject.") }
        _ = try Self.signer(session.account, in: snapshot)
        if decision == .approved, review.submitters.contains(where: { $0.key == session.account.publicKey }) {
            throw ConsoleFailure.forbidden("You submitted this revision of `\(reference)`: another reviewer must approve it (four eyes).")
        }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .approved, review.status == .blocked {
            throw ConsoleFailure(status: .unprocessableContent, message: "`\(reference)` cannot be approved: \(review.reason ?? "blocked").")
        }
        if trimmed.isEmpty, decision == .rejected || review.findings.contains(where: { $0.severity == .review }) {
            throw ConsoleFailure(status: .unprocessableContent,
                                 message: decision == .rejected ? "Rejecting needs a note telling the editor what to change."
                                     : "`\(reference)` has findings for review: approving it needs a note saying why they are acceptable.")
        }
        guard let sha256, sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw ConsoleFailure(status: .unprocessableContent, message: "Send the sha256 of the text you read.")
        }
        let entry = try ReviewDesk.record(decision, on: reference, board: snapshot.board, contentDirectory: contentDirectory,
                                          key: session.key, note: trimmed, expectedSHA256: sha256)
        invalidate()
        return ConsoleJSON.Decided(decision: entry.decision.rawValue, sha256: entry.sha256)
    }
}
