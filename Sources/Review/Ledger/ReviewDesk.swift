import Content
import Crypto
import Diagnostics
import Foundation
import Moderation

/// Records submissions and decisions, signed with the person's key, refusing
/// what the regulation and the four-eyes rule forbid.
package enum ReviewDesk {
    /// Why a decision was refused, in a sentence the person can act on.
    package struct Refusal: Diagnostic {
        package let message: String
        package var location: SourceLocation? { nil }
    }

    /// Appends `decision` on `reference` (`scope/id`), signed with `key`, to
    /// the content's ledger; an approval also keeps the approved revision.
    /// The signer's name comes from people.yml, never from the caller.
    /// - Throws: ``Refusal`` when the key is not in people.yml or lacks the
    ///   role or scope, the answer does not exist, is private, has a blocking
    ///   finding (approval), was submitted by the approver (four eyes), or a
    ///   required note is missing; ``OutputError`` when nothing can be written.
    /// - Parameter expectedSHA256: the start of the SHA-256 the signer saw (`review show`
    ///   prints it; required for approvals by the CLI): refused when the file no longer has it.
    package static func record(_ decision: LedgerEntry.Decision, on reference: String, board: ReviewBoard,
                              contentDirectory: String, key: SigningKey, note: String,
                              expectedSHA256: String? = nil) throws -> LedgerEntry {
        guard let review = board.review(of: reference) else {
            throw Refusal(message: "There is no answer, media transcript or description `\(reference)`. Use the name `review queue` lists, e.g. province/flu-vaccine or media/flu-talk.mp3.")
        }
        guard let person = board.roster.person(withKey: key.publicKey) else {
            throw Refusal(message: "This key is not in people.yml. Ask the provincial centre to add the entry `portal12320 key new` printed for you.")
        }
        guard person.covers(review.item.scope) else {
            throw Refusal(message: "\(person.name)'s scopes (\(person.scopes.sorted().joined(separator: ", "))) do not cover `\(reference)`.")
        }
        if let until = person.until, let today = Day(ChinaTime.day(of: Date())), today >= until {
            throw Refusal(message: "\(person.name) may no longer decide from \(until) on (people.yml `until`). Ask the provincial centre if this is wrong.")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if let seen = expectedSHA256, !review.sha256.hasPrefix(seen.lowercased()) {
            throw Refusal(message: "`\(reference)` is no longer the text you saw (sha256 \(seen)…): it is now \(review.sha256.prefix(12))…. Run `review show \(reference)` again and decide on what is there now.")
        }
        if review.status == .private {
            throw Refusal(message: "`\(reference)` is private, a reply to one caller: it is never published, so there is nothing to decide (article 36).")
        }
        switch decision {
        case .submitted:
            break
        case .approved, .rejected:
            guard person.role == .reviewer else {
                throw Refusal(message: "\(person.name) is an \(person.role.rawValue): only reviewers approve or reject. Use `review submit` for your own answers.")
            }
        }
        if decision == .approved {
            if review.status == .blocked {
                throw Refusal(message: "`\(reference)` cannot be approved: \(review.reason ?? "it has a blocking finding").")
            }
            if review.submitters.contains(person) {
                throw Refusal(message: "\(person.name) submitted this revision of `\(reference)`: another reviewer must approve it (four eyes).")
            }
            if review.submitters.isEmpty {
                throw Refusal(message: "`\(reference)` has not been submitted: its author records it with `portal12320 review submit \(reference) --key FILE`, then another person approves it (four eyes).")
            }

            let forReview = review.findings.filter { $0.severity == .review }
            if !forReview.isEmpty && note.isEmpty {
                throw Refusal(message: "`\(reference)` has \(Plural.of(forReview.count, "finding")) for review: approving it needs --note saying why \(forReview.count == 1 ? "it is" : "they are") acceptable.")
            }
            if review.item.keepsApprovedRevisions {
                try keepRevision(review, contentDirectory: contentDirectory)
            }
        }
        if decision == .rejected, note.isEmpty {
            throw Refusal(message: "Rejecting needs --note telling the editor what to change.")
        }
        return try ReviewLedger.append(to: ReviewBoard.ledgerFile(contentDirectory), answer: reference, sha256: review.sha256,
                                       findings: review.findingsFingerprint, decision: decision, signer: person.name,
                                       key: key, note: note)
    }

    /// Keeps the approved bytes, refusing when the file changed since it was read.
    private static func keepRevision(_ review: any ReviewStanding, contentDirectory: String) throws {
        guard let bytes = FileManager.default.contents(atPath: review.item.file), SHA256.hex(bytes) == review.sha256 else {
            throw Refusal(message: "`\(review.item.reference)` changed while you were reviewing it. Run `review show` again and decide on what is there now.")
        }
        try RevisionStore(contentDirectory: contentDirectory).save(bytes, of: review.item.reference)
    }
}
