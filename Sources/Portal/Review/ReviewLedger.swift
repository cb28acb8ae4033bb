import Crypto

import Foundation
import Glibc

/// `reviews.jsonl`: reviewer decisions, appended and never rewritten. Each
/// line carries the SHA-256 of the line before it, so an edited, removed or
/// reordered line breaks the chain and stops the build.
public struct ReviewLedger: Sendable {
    public let file: String
    /// Valid entries, in file order.
    public let entries: [LedgerEntry]
    /// Lines that are not entries (a crash mid-write), reported and ignored.
    public let tornLines: [Int]

    /// One warning per torn line, `file:line: warning: …`.
    public var warnings: [String] {
        tornLines.map { "\(file):\($0): warning: this line is not a complete decision (an interrupted write?) and was ignored." }
    }

    /// Reads and verifies the ledger. A missing file is an empty ledger only
    /// when `required` is false (no decision is needed to publish); an
    /// unreadable one is always an error.
    /// - Throws: ``ContentErrors`` naming the line where the chain breaks, or the missing file.
    public static func load(file: String, required: Bool = true) throws(ContentErrors) -> ReviewLedger {
        guard let data = FileManager.default.contents(atPath: file) else {
            if !required && !FileManager.default.fileExists(atPath: file) {
                return ReviewLedger(file: file, entries: [], tornLines: [])
            }
            throw ContentErrors([ContentIssue(
                file: file, line: nil,
                message: "The review ledger is missing or cannot be read, so no answer can be shown to have been approved.",
                fix: "Restore reviews.jsonl from version control, or check its permissions; it is written by `portal12320 review`.")])
        }
        return try parse(data, file: file)
    }

    /// Reads and verifies the ledger's bytes (the fuzzing entry point of the ledger reader).
    package static func parse(_ data: Data, file: String) throws(ContentErrors) -> ReviewLedger {
        var entries: [LedgerEntry] = []
        var torn: [Int] = []
        var previous = LedgerEntry.firstPrevious
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let entry = try? decoder.decode(LedgerEntry.self, from: line) else {
                torn.append(index + 1)
                continue
            }
            guard entry.previous == previous else {
                throw ContentErrors([ContentIssue(
                    file: file, line: index + 1,
                    message: "The review ledger's hash chain is broken here: a decision before this line was edited, removed or reordered.",
                    fix: "Restore reviews.jsonl from version control; decisions are appended with `portal12320 review`, never edited by hand.")])
            }
            entries.append(entry)
            previous = SHA256.hex(line)
        }
        return ReviewLedger(file: file, entries: entries, tornLines: torn)
    }

    /// The latest decision on exactly this text with exactly these findings.
    public func latestDecision(answer: String, sha256: String, findings: String) -> LedgerEntry? {
        entries.last { $0.answer == answer && $0.sha256 == sha256 && $0.findings == findings }
    }

    /// Appends a decision under an exclusive lock, chained to the last valid
    /// line, and flushes it to disk. Concurrent reviewers are serialised: none is lost.
    public static func append(to file: String, answer: String, sha256: String, findings: String,
                              decision: LedgerEntry.Decision, reviewer: String, note: String,
                              time: Date = Date()) throws(OutputError) -> LedgerEntry {
        let descriptor = open(file, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: file, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw OutputError(path: file, reason: String(cString: strerror(errno))) }
        defer { flock(descriptor, LOCK_UN) }

        // Read under the lock: the last valid line is the one to chain to.
        let existing = FileManager.default.contents(atPath: file) ?? Data()
        var previous = LedgerEntry.firstPrevious
        let decoder = JSONDecoder()
        for line in existing.split(separator: 0x0A) where (try? decoder.decode(LedgerEntry.self, from: line)) != nil {
            previous = SHA256.hex(line)
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let entry = LedgerEntry(answer: answer, sha256: sha256, findings: findings, decision: decision,
                                reviewer: reviewer, note: note, time: formatter.string(from: time), previous: previous)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(entry) else { throw OutputError(path: file, reason: "the entry cannot be encoded") }
        // A torn last line (no newline) is closed first so the new entry stands on its own line.
        var bytes = [UInt8]()
        if let last = existing.last, last != 0x0A { bytes.append(0x0A) }
        bytes += json
        bytes.append(0x0A)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw OutputError(path: file, reason: String(cString: strerror(errno)))
        }
        return entry
    }
}
