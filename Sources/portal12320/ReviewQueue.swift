import ArgumentParser
import Content
import Foundation
import Review

struct ReviewQueue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "List the answers awaiting a decision, with their age and submitter, and those that cannot be published.")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Print only the references awaiting review, one a line (for scripts).")
    var references = false

    @Option(help: ArgumentHelp("Only this city's answers (or `province`).", valueName: "abbr"))
    var city: String?

    @Option(help: ArgumentHelp("Only what this reviewer of people.yml may decide: in their scopes, not submitted by them.", valueName: "name"))
    var reviewer: String?

    @Option(help: ArgumentHelp("Only answers submitted on or after this day (China Standard Time).", valueName: "YYYY-MM-DD"))
    var since: String?

    func run() async throws {
        let (_, board) = try Review.board(options)
        let sinceDate = try since.map(Self.day)
        var person: Person?
        if let reviewer {
            guard let found = board.roster.people.first(where: { $0.name == reviewer }) else {
                throw ValidationError("'\(reviewer)' is not in people.yml.")
            }
            person = found
        }
        let now = Date()
        func selected(_ review: any ReviewStanding) -> Bool {
            if let city, review.item.scope.description != city { return false }
            if let person, !person.covers(review.item.scope) || review.submitters.contains(person) { return false }
            if let sinceDate, (submission(of: review, board).map { $0 < sinceDate } ?? true) { return false }
            return true
        }
        let awaiting = board.all.filter { $0.status == .awaitingReview && selected($0) }
        if references {
            awaiting.forEach { Terminal.say($0.item.reference) }
            return
        }
        Terminal.say("Awaiting review (\(awaiting.count)):")
        for review in awaiting {
            let counts = review.findings.isEmpty ? "no findings" : "\(review.findings.count) for review"
            let submitted = submission(of: review, board).map { "submitted \(ChinaTime.format($0)) by \(review.submitters.map(\.name).joined(separator: ", ")), \(Self.age(since: $0, now: now)) ago" }
                ?? "not submitted"
            let live = review.isPendingRevision ? "; approved revision online" : ""
            Terminal.say("  \(review.item.reference)  \(review.item.title)  [\(counts); \(submitted)\(live)]")
        }
        let blocked = board.all.filter { $0.status == .blocked && selected($0) }
        if !blocked.isEmpty {
            Terminal.say("Blocked, cannot be approved (\(blocked.count)):")
            blocked.forEach { Terminal.say("  \($0.item.reference)  \($0.item.title)  [\($0.blockingFindings.count) blocking]") }
        }
        let rejected = board.all.filter { review in
            if case .rejected = review.status { selected(review) } else { false }
        }
        if !rejected.isEmpty {
            Terminal.say("Rejected, waiting for the editor (\(rejected.count)):")
            rejected.forEach { Terminal.say("  \($0.item.reference)  \($0.reason ?? "")") }
        }
    }

    /// When the current revision was first submitted (counted submissions).
    private func submission(of review: any ReviewStanding, _ board: ReviewBoard) -> Date? {
        let parser = ISO8601DateFormatter()
        return board.decisions.counted.first {
            $0.entry.decision == .submitted && $0.entry.answer == review.item.reference && $0.entry.sha256 == review.sha256
        }.flatMap { parser.date(from: $0.entry.time) }
    }

    /// Midnight China Standard Time of `text`.
    static func day(_ text: String) throws -> Date {
        guard let date = ChinaTime.midnight(of: text) else { throw ValidationError("--since takes a day as YYYY-MM-DD, e.g. 2024-09-01.") }
        return date
    }

    /// `3d 4h`, `5h 20m`, `12m`.
    static func age(since date: Date, now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(date) / 60))
        let (days, hours) = (minutes / 1440, minutes % 1440 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        return hours > 0 ? "\(hours)h \(minutes % 60)m" : "\(minutes)m"
    }
}
