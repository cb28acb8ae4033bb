import Foundation
import Moderation

/// Every answer with its moderation findings and review status: the publish
/// gate of the build and the reviewers' queue.
public struct ReviewBoard: Sendable {
    /// One per answer, in the content's order.
    public let reviews: [AnswerReview]
    public let ledger: ReviewLedger
    public let moderator: Moderator

    /// Scans every answer and reads the ledger.
    /// - Throws: ``ContentErrors`` when the lexicon is missing or invalid, or the ledger's chain is broken.
    public init(content: Content) throws(ContentErrors) {
        let moderator = try Self.moderator(for: content.directory)
        try ContentErrors.check(ProvinceText.issues(file: content.directory + "/portal.yml", moderator: moderator))
        let policy = content.province.reviewPolicy
        // Under `review: all` every answer needs a decision: a missing ledger is an error, never "no decisions yet".
        let ledger = try ReviewLedger.load(file: Self.ledgerFile(content.directory), required: policy == .all)
        self.moderator = moderator
        self.ledger = ledger
        let all = (content.answers + content.transcripts).concurrentMap { answer in
            AnswerReview(answer: answer, findings: moderator.scan(answer.source, asRead: ReaderView.texts(of: answer)),
                         ledger: ledger, policy: policy)
        }
        // An answer is published only with every transcript of its media cleared.
        let cleared = Set(all.filter { $0.answer.scope == .media && $0.status == .publishable }.map(\.answer.id))
        reviews = all.map { review in
            guard let pending = review.answer.media.first(where: { !cleared.contains($0) }) else { return review }
            return review.holdingBack(forMedia: pending)
        }
    }

    public static func ledgerFile(_ contentDirectory: String) -> String { contentDirectory + "/reviews.jsonl" }

    /// The content's lexicon. Fails closed: without a lexicon nothing can be moderated, so nothing is built.
    public static func moderator(for contentDirectory: String) throws(ContentErrors) -> Moderator {
        let folder = contentDirectory + "/lexicon"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: "The lexicon folder is missing, so answers cannot be moderated.",
                                              fix: "Create it with classified.txt, sensitive.txt, taboo.txt and allow.txt (article 37).")])
        }
        do {
            return Moderator(lexicon: try Lexicon.load(directory: folder))
        } catch let errors as LexiconErrors {
            throw ContentErrors(errors.errors.map { ContentIssue(file: $0.file, line: $0.line, message: $0.message, fix: $0.fix) })
        } catch let error as ModerationSetupError {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: error.message, fix: error.fix)])
        } catch {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: "The lexicon cannot be loaded: \(error).", fix: "Check its files.")])
        }
    }

    /// The review of `reference` (`scope/id`), if such an answer exists.
    public func review(of reference: String) -> AnswerReview? {
        reviews.first { $0.answer.reference == reference }
    }

    /// Answers (not transcripts) that may be published.
    public var publishable: [Answer] { reviews.filter { $0.status == .publishable && $0.answer.scope != .media }.map(\.answer) }

    /// Cleared transcripts by media file name.
    public var clearedTranscripts: [String: String] {
        Dictionary(uniqueKeysWithValues: reviews.filter { $0.answer.scope == .media && $0.status == .publishable }
            .map { ($0.answer.id, $0.answer.body) })
    }
    public var heldBack: [AnswerReview] { reviews.filter { $0.status != .publishable } }
}
