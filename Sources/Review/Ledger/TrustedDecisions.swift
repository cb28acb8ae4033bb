import Content
/// The ledger lines that count: signed by a key of people.yml whose person
/// has the role and the scope the line needs; an approval only when the
/// revision was submitted by its author and not by the approver (four eyes:
/// an author who never submits cannot approve their own text either). Every
/// other line is reported with its line and why, and ignored.
package struct TrustedDecisions: Sendable {
    /// A line that does not count, and why.
    package struct Ignored: Sendable, Equatable {
        package let line: Int
        package let entry: LedgerEntry
        package let reason: String
    }

    /// Counted entries, in ledger order, with the person who signed each.
    package let counted: [(entry: LedgerEntry, person: Person)]
    /// `counted` by answer reference, in ledger order.
    private let countedByAnswer: [String: [(entry: LedgerEntry, person: Person)]]
    package let ignored: [Ignored]
    package let file: String

    package init(ledger: ReviewLedger, roster: Roster) {
        file = ledger.file
        // The day each line was written at the earliest: its own, or the latest day of a line before it
        // (a line appended after others cannot claim an earlier day).
        var latestDay: Day?
        let writtenDays = ledger.entries.map { entry -> Day? in
            latestDay = [latestDay, Day(String(entry.chinaTime.prefix(10)))].compactMap { $0 }.max()
            return latestDay
        }
        // Who submitted each revision, whatever the order of the lines: only submissions that count.
        var submitters: [String: Set<String>] = [:]
        for (entry, written) in zip(ledger.entries, writtenDays) where entry.decision == .submitted {
            if let key = entry.key, case .success = Self.judge(entry, roster: roster, submitters: [:], written: written) {
                submitters["\(entry.answer)@\(entry.sha256)", default: []].insert(key)
            }
        }
        var counted: [(LedgerEntry, Person)] = []
        var ignored: [Ignored] = []
        for ((entry, line), written) in zip(zip(ledger.entries, ledger.lines), writtenDays) {
            switch Self.judge(entry, roster: roster, submitters: submitters, written: written) {
            case .success(let person): counted.append((entry, person))
            case .failure(let refusal): ignored.append(Ignored(line: line, entry: entry, reason: refusal.reason))
            }
        }
        self.counted = counted
        self.ignored = ignored
        countedByAnswer = Dictionary(grouping: counted, by: \.0.answer)
    }

    /// Counted entries of one answer, in ledger order.
    package func counted(for answer: String) -> [(entry: LedgerEntry, person: Person)] {
        countedByAnswer[answer] ?? []
    }

    struct Refusal: Error {
        let reason: String
    }

    /// Why `entry` cannot count, or the person it counts for.
    /// - Parameter written: the day the line was written at the earliest: its own
    ///   day, or a later one when a line before it in the ledger is dated later.
    static func judge(_ entry: LedgerEntry, roster: Roster, submitters: [String: Set<String>], written: Day?) -> Result<Person, Refusal> {
        guard let key = entry.key else {
            return .failure(Refusal(reason: "it is not signed (written before decisions were signed)"))
        }
        guard let person = roster.person(withKey: key) else {
            return .failure(Refusal(reason: "it is signed by a key that is not in people.yml"))
        }
        if let until = person.until, written.map({ $0 >= until }) ?? true {
            return .failure(Refusal(reason: "\(person.name) may no longer decide from \(until) on (people.yml `until`)"))
        }
        let scope = Self.scope(of: entry.answer)
        guard person.covers(scope) else {
            return .failure(Refusal(reason: "\(person.name)'s scopes (\(person.scopes.sorted().joined(separator: ", "))) do not cover `\(scope)`"))
        }
        switch entry.decision {
        case .submitted:
            return .success(person)
        case .approved, .rejected:
            guard person.role == .reviewer else {
                return .failure(Refusal(reason: "\(person.name) is an \(person.role.rawValue), not a reviewer"))
            }
            if entry.decision == .approved {
                let authors = submitters["\(entry.answer)@\(entry.sha256)"] ?? []
                if authors.contains(key) {
                    return .failure(Refusal(reason: "\(person.name) submitted this revision and cannot also approve it (four eyes)"))
                }
                // A submission signed by someone else must exist: otherwise the author is unknown, and may be the approver.
                if !authors.contains(where: { roster.person(withKey: $0)?.covers(scope) == true }) {
                    return .failure(Refusal(reason: "no one in people.yml submitted this revision, so it cannot be approved (four eyes)"))
                }
            }
            return .success(person)
        }
    }

    /// The scope of a `scope/id` reference.
    static func scope(of reference: String) -> Scope {
        let prefix = String(reference.prefix { $0 != "/" })
        switch prefix {
        case "province": return .province
        case "media": return .media
        default: return .city(prefix)
        }
    }

    /// The latest counted decision on exactly this text with exactly these findings.
    package func latestDecision(answer: String, sha256: String, findings: String) -> (entry: LedgerEntry, person: Person)? {
        counted(for: answer).last { $0.entry.decision != .submitted && $0.entry.sha256 == sha256 && $0.entry.findings == findings }
    }

    /// Whether a later counted approval of the same answer names other text:
    /// then an approval of `sha256` no longer publishes it (an editor who copies
    /// an older approved text back does not bring it online).
    package func isSuperseded(answer: String, sha256: String) -> Bool {
        let approvals = counted(for: answer).filter { $0.entry.decision == .approved }
        guard let last = approvals.lastIndex(where: { $0.entry.sha256 == sha256 }) else { return false }
        return approvals[(last + 1)...].contains { $0.entry.sha256 != sha256 }
    }

    /// Who submitted this revision (counted submissions), first first.
    package func submitters(answer: String, sha256: String) -> [Person] {
        counted(for: answer).filter { $0.entry.decision == .submitted && $0.entry.sha256 == sha256 }.map(\.person)
    }

    /// Whether the line `line` of the ledger counts, and if not, why.
    package func reasonIgnored(line: Int) -> String? {
        ignored.first { $0.line == line }?.reason
    }

    /// One warning per ignored line, `file:line: warning: …`.
    package var warnings: [String] {
        ignored.map { "\(file):\($0.line): warning: this \($0.entry.decision.rawValue) line for \($0.entry.answer) does not count: \($0.reason)." }
    }
}
