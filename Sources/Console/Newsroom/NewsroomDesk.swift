import Content
import Diagnostics
import Foundation
import HTTPTypes
import Markdown
import Moderation
import Review
import Site
import Synchronization

/// What the console does with the content folder: the queue, an answer with
/// its findings and history, saving an edit, submitting, deciding. It writes
/// only what the CLI writes — answer files and signed ledger lines — and
/// every rule of `review` applies (scopes, four eyes, notes, blocked findings).
final class NewsroomDesk: Sendable {
    let contentDirectory: String
    private let signature: FolderSignature
    private let snapshot = Mutex<ContentSnapshot?>(nil)
    /// Serialises check-then-write of answer files, so two saves of one answer cannot interleave.
    let writing = Mutex<Void>(())

    init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
        signature = FolderSignature(folders: [contentDirectory])
    }

    /// The content as it is now: loaded again when any file changed since the last load.
    func current() throws -> ContentSnapshot {
        let now = signature.signature()
        if let kept = snapshot.withLock({ $0 }), kept.signature == now { return kept }
        let content: ProvinceContent
        let board: ReviewBoard
        do {
            content = try ContentLoader.load(directory: contentDirectory)
            board = try ReviewBoard(content: content)
        } catch {
            throw ConsoleFailure(status: .serviceUnavailable,
                                 message: "The content folder has errors; fix them (portal12320 check lists them) before working here.",
                                 issues: error.issues)
        }
        let fresh = ContentSnapshot(signature: now, content: content, board: board)
        snapshot.withLock { $0 = fresh }
        return fresh
    }

    /// Forgets the loaded content after a write of the console's own.
    func invalidate() {
        snapshot.withLock { $0 = nil }
    }

    /// The scope named in an address (`province` or a city of portal.yml).
    func scope(_ text: String, in content: ProvinceContent) throws -> Scope {
        if text == "province" { return .province }
        guard content.province.cities.contains(where: { $0.abbr == text }) else { throw ConsoleFailure.notFound(text) }
        return .city(text)
    }

    static func covers(_ account: ConsoleAccount, _ scope: Scope) -> Bool {
        switch scope {
        case .province, .media: account.scopes.contains("province")
        case .city(let abbr): account.scopes.contains(abbr) || account.scopes.contains("province")
        }
    }

    /// What the account may see of `reference`, or a refusal.
    func standing(_ reference: String, for account: ConsoleAccount, in snapshot: ContentSnapshot) throws -> any ReviewStanding {
        guard let review = snapshot.board.review(of: reference) else { throw ConsoleFailure.notFound(reference) }
        guard Self.covers(account, review.item.scope) else {
            throw ConsoleFailure.forbidden("`\(reference)` is not in your scopes.")
        }
        return review
    }

    /// The person of people.yml the account signs as, if they may still sign today; a 403 otherwise.
    static func signer(_ account: ConsoleAccount, in snapshot: ContentSnapshot) throws -> Person {
        guard let person = snapshot.board.roster.person(withKey: account.publicKey) else {
            throw ConsoleFailure.forbidden("Your key is not in people.yml any more. Ask the provincial centre.")
        }
        if let until = person.until, let today = Day(ChinaTime.day(of: Date())), today >= until {
            throw ConsoleFailure.forbidden("\(person.name) may no longer decide from \(until) on (people.yml `until`). Ask the provincial centre if this is wrong.")
        }
        return person
    }

    static func status(_ status: ReviewStatus) -> String {
        switch status {
        case .publishable: "published"
        case .private: "private"
        case .blocked: "blocked"
        case .awaitingReview, .mediaNotCleared: "awaiting"
        case .rejected: "rejected"
        }
    }

    static func json(_ findings: [Finding]) -> [ConsoleJSON.Finding] {
        findings.map {
            ConsoleJSON.Finding(rule: $0.rule.rawValue, label: $0.label, severity: $0.severity.rawValue, line: $0.line, column: $0.column,
                                term: $0.term)
        }
    }

    /// Every answer and media text of the account's scopes, filtered, with counts by status.
    func queue(for account: ConsoleAccount, status wanted: String?, city: String?, minimumAge: Int?, now: Date = Date()) throws -> ConsoleJSON.Queue {
        let snapshot = try current()
        let parser = ISO8601DateFormatter()
        var counts: [String: Int] = [:]
        var items: [ConsoleJSON.QueueItem] = []
        for review in snapshot.board.all where Self.covers(account, review.item.scope) {
            if let city, review.item.scope.description != city { continue }
            let submission = snapshot.board.decisions.counted(for: review.item.reference).first {
                $0.entry.decision == .submitted && $0.entry.sha256 == review.sha256
            }
            let age = submission.flatMap { parser.date(from: $0.entry.time) }.map { Int(now.timeIntervalSince($0)) }
            if let minimumAge, (age ?? -1) < minimumAge { continue }
            let status = Self.status(review.status)
            counts[status, default: 0] += 1
            if let wanted, wanted != "all", wanted != status { continue }
            items.append(ConsoleJSON.QueueItem(answer: review.item.reference, title: review.item.title, status: status,
                                               findings: review.findings.count, submitter: submission?.person.name, age_s: age))
        }
        return ConsoleJSON.Queue(items: items, counts: counts)
    }

    /// One answer for its reviewer or editor: text, findings, diff, preview and history.
    func answer(_ reference: String, for account: ConsoleAccount) throws -> ConsoleJSON.Answer {
        let snapshot = try current()
        let review = try standing(reference, for: account, in: snapshot)
        let item = review.item
        let live = review.liveItem
        let history = zip(snapshot.board.ledger.entries, snapshot.board.ledger.lines).filter { $0.0.answer == reference }.map { entry, line in
            let ignored = snapshot.board.decisions.reasonIgnored(line: line)
            return ConsoleJSON.HistoryEntry(time: entry.time, decision: entry.decision.rawValue,
                                            person: entry.key.flatMap { snapshot.board.roster.person(withKey: $0)?.name } ?? entry.signer,
                                            note: entry.note, this_text: entry.sha256 == review.sha256, counts: ignored == nil)
        }
        return ConsoleJSON.Answer(
            answer: reference, title: item.title, markdown: item.source, sha256: review.sha256, status: Self.status(review.status),
            reason: review.reason.map { MessageCatalog.text($0, in: .chinese) }, findings: Self.json(review.findings),
            approved_sha256: live?.fileHash,
            diff: live.flatMap { $0.fileHash == review.sha256 ? nil : LineDiff.unified(from: $0.source, to: item.source) } ?? [],
            preview_html: Self.preview(of: item), history: history)
    }

    /// The page's heading and body as the site renders them (links to other answers shown as text).
    static func preview(of item: any ReviewSubject) -> String {
        guard let answer = item as? Answer else {
            return "<p>\(item.source.xmlEscaped)</p>"
        }
        return "<h1>\(answer.title.xmlEscaped)</h1>\n" + MarkdownDocument(source: answer.body).html
    }
}
