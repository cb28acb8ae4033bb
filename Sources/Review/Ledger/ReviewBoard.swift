import Content
import Foundation
import Moderation

/// Every answer with its moderation findings and review status: the publish
/// gate of the build and the reviewers' queue.
package struct ReviewBoard: Sendable {
    /// One per answer, in the content's order.
    package let reviews: [AnswerReview]
    /// One per media transcript an answer presents, by file name.
    package let transcriptReviews: [TranscriptReview]
    package let ledger: ReviewLedger
    /// The ledger lines that count, and those that do not (with why).
    package let decisions: TrustedDecisions
    package let roster: Roster
    /// people.yml, for messages.
    let rosterFile: String
    package let moderator: Moderator

    /// Scans every answer and reads the ledger and people.yml.
    /// - Throws: ``ContentErrors`` when the lexicon is missing or invalid, the
    ///   ledger does not verify, or people.yml is malformed.
    /// - Parameter cache: moderation results of earlier loads of the same content (the preview), or made
    ///   while this content was read (`build`, ``FindingsCache/scanAsRead(by:contentDirectory:)``).
    package init(content: ProvinceContent, cache: FindingsCache? = nil) throws(ContentErrors) {
        let moderator: Moderator
        if let cache { moderator = try cache.moderator(for: content.directory) } else { moderator = try Self.moderator(for: content.directory) }
        try ContentErrors.check(ProvinceText.issues(file: content.directory + "/portal.yml", moderator: moderator)
            + ProvinceText.issues(logo: content.directory + "/" + content.province.logo, moderator: moderator)
            + ProvinceText.issues(in: content.privacyStatements.values.sorted { $0.path < $1.path }, moderator: moderator,
                                  contacts: content.contacts.contacts(for: .province))
            + ProvinceText.issues(in: content.synonyms, moderator: moderator))
        let policy = content.province.reviewPolicy
        // Under `review: all` every answer needs a decision: a missing ledger is an error, never "no decisions yet".
        let ledger = try ReviewLedger.load(file: Self.ledgerFile(content.directory), required: policy == .all)
        let roster = try Roster.load(file: Roster.file(content.directory), cities: Set(content.province.cities.map(\.abbr)))
        let decisions = TrustedDecisions(ledger: ledger, roster: roster)
        self.moderator = moderator
        self.ledger = ledger
        self.roster = roster
        rosterFile = Roster.file(content.directory)
        self.decisions = decisions
        let store = RevisionStore(contentDirectory: content.directory)
        // The contacts answers may show, as the cache tells them apart.
        cache?.use(contacts: "\(content.contacts.entries)")
        // Captured alone, not with the content: a closure that captured the content copied the province for each answer.
        let contacts = content.contacts
        var answers = content.answers.concurrentMap { answer in
            let findings = cache?.findings(of: answer) { moderator.scan(answer, contacts: contacts) } ?? moderator.scan(answer, contacts: contacts)
            var review = AnswerReview(answer, findings: findings, decisions: decisions, policy: policy)
            if review.live == nil, !answer.isPrivate {
                review.live = Self.approvedRevision(of: answer, in: store, content: content, moderator: moderator, decisions: decisions)
            }
            return review
        }
        cache?.keep(only: content.answers)
        // The media of an approved revision that stays online need their cleared texts too, though the edit dropped them.
        let loaded = Set(content.transcripts.map(\.name))
        let keptRevisions = answers.compactMap { review in review.live.flatMap { $0.fileHash == review.sha256 ? nil : $0 } }
            .filter { $0.allMedia.contains { !loaded.contains($0) } }
        var unusable: [ContentIssue] = []
        let keptMedia = MediaLoader.transcripts(for: keptRevisions, directory: content.directory + "/media", issues: &unusable)
            .filter { !loaded.contains($0.name) }
        transcriptReviews = (content.transcripts + keptMedia).concurrentMap { transcript in
            TranscriptReview(transcript, findings: moderator.scan(transcript.source, asRead: transcript.readerTexts,
                                                                  contacts: content.contacts.contacts(for: transcript.scope)),
                             decisions: decisions, policy: policy)
        }
        // An answer is published only with every transcript of its media cleared.
        let cleared = Set(transcriptReviews.compactMap { $0.live?.name })
        // In place: most answers stay as they are, and a review is costly to copy.
        for index in answers.indices {
            guard let live = answers[index].live, let pending = live.allMedia.first(where: { !cleared.contains($0) }) else { continue }
            answers[index] = answers[index].holdingBack(forMedia: pending)
        }
        reviews = answers
    }

    /// The newest kept revision of `answer` that a counted approval covers
    /// (its bytes and today's findings) and that has no blocking finding today;
    /// none when the newest approved text is missing from the store.
    private static func approvedRevision(of answer: Answer, in store: RevisionStore, content: ProvinceContent, moderator: Moderator,
                                         decisions: TrustedDecisions) -> Answer? {
        let approvals = decisions.counted(for: answer.reference).filter { $0.entry.decision == .approved }
        // Without a counted approval no revision can stand in: the store is not looked at.
        guard !approvals.isEmpty else { return nil }
        let kept = store.revisions(of: answer.reference)
        guard !kept.isEmpty else { return nil }
        for (entry, _) in approvals.reversed() {
            // The newest approved text must be kept: if it is gone, no older one stands in for it.
            guard let (path, data) = kept[entry.sha256] else { return nil }
            // The same answer, public, replacing what the current revision replaces, with links that still hold.
            guard case .success(let revision) = AnswerLoader.read(data, file: path, scope: answer.scope, province: content.province),
                revision.id == answer.id, revision.visibility == .public, revision.overrides == answer.overrides,
                ContentLoader.linkIssues(content.answers, checking: [revision]).isEmpty
            else { continue }
            let findings = moderator.scan(revision, contacts: content.contacts)
            guard !findings.contains(where: { $0.severity == .block }),
                decisions.latestDecision(answer: answer.reference, sha256: entry.sha256, findings: AnswerReview.fingerprint(findings))?
                    .entry.decision == .approved
            else { continue }
            return revision
        }
        return nil
    }

    package static func ledgerFile(_ contentDirectory: String) -> String { contentDirectory + "/reviews.jsonl" }

    /// The content's lexicon. Fails closed: without a lexicon nothing can be moderated, so nothing is built.
    /// - Parameter read: the bytes of a lexicon file by its path (see ``Lexicon/load(directory:reading:)``).
    package static func moderator(for contentDirectory: String,
                                  reading read: (String) -> Data? = { FileManager.default.contents(atPath: $0) }) throws(ContentErrors) -> Moderator {
        let folder = contentDirectory + "/lexicon"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: "The lexicon folder is missing, so answers cannot be moderated.",
                                              fix: "Create it with classified.txt, sensitive.txt, taboo.txt and allow.txt (article 37).")])
        }
        do {
            return Moderator(lexicon: try Lexicon.load(directory: folder, reading: read))
        } catch let errors as LexiconErrors {
            throw ContentErrors(errors.errors.map { ContentIssue(file: $0.file, line: $0.line, message: $0.message, fix: $0.fix) })
        } catch let error as ModerationSetupError {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: error.message, fix: error.fix)])
        } catch {
            throw ContentErrors([ContentIssue(file: folder, line: nil, message: "The lexicon cannot be loaded: \(error).", fix: "Check its files.")])
        }
    }

    /// Every review, answers first, then transcripts.
    package var all: [any ReviewStanding] { reviews + transcriptReviews }

    /// The review of `reference` (`scope/id`, `media/<file>`), if there is such an answer or transcript.
    package func review(of reference: String) -> (any ReviewStanding)? {
        all.first { $0.item.reference == reference }
    }

    /// The revisions of answers that are published: the current one when it
    /// passed the gate, else an earlier approved one.
    package var publishable: [Answer] { reviews.compactMap(\.live) }

    /// Cleared transcripts by media file name.
    package var clearedTranscripts: [String: String] {
        Dictionary(uniqueKeysWithValues: transcriptReviews.compactMap(\.live).map { ($0.name, $0.text) })
    }

    /// Answers and transcripts whose current revision is not published (some answers keep an earlier one online).
    package var heldBack: [any ReviewStanding] {
        // Filtered before each is boxed as `any ReviewStanding`: boxing every review took a tenth of a preview's save.
        reviews.filter { $0.status != .publishable } + transcriptReviews.filter { $0.status != .publishable }
    }

    /// Warnings about the ledger: a torn last line, lines that do not count.
    package var ledgerWarnings: [String] {
        ledger.warnings + decisions.warnings + roster.demoKeyWarnings(file: rosterFile)
    }
}
