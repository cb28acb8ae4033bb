import Content
import Crypto
import Foundation
import Glibc

/// `reviews.jsonl`: submissions and decisions, appended and never rewritten.
/// Each line carries the SHA-256 of the line before it and an Ed25519
/// signature of its own fields, so a line edited anywhere (the last one too),
/// removed from the middle or reordered stops the build; a line removed from
/// the end is caught by the head each build and release records (``LedgerHead``).
package struct ReviewLedger: Sendable {
    package let file: String
    /// Entries, in file order.
    package let entries: [LedgerEntry]
    /// The 1-based file line of each entry.
    package let lines: [Int]
    /// SHA-256 of each entry's line bytes.
    package let lineHashes: [String]
    /// A final line cut short by a crash mid-append (no newline, not JSON), reported and ignored.
    package let tornLine: Int?
    /// Bytes up to the end of the last entry's line: where the next append goes, a torn line cut off.
    let validLength: Int

    /// The last entry: how many there are and the hash of the last line.
    package var head: LedgerHead { LedgerHead(lines: entries.count, sha256: lineHashes.last ?? LedgerEntry.firstPrevious) }

    /// One warning for a torn last line, `file:line: warning: …`.
    package var warnings: [String] {
        tornLine.map { ["\(file):\($0): warning: this last line is not a complete decision (an interrupted write, or damage) and was ignored; the next decision moves it to \(file).torn."] } ?? []
    }

    /// Reads and verifies the ledger. A missing file is an empty ledger only
    /// when `required` is false (no decision is needed to publish); an
    /// unreadable one is always an error.
    /// - Throws: ``ContentErrors`` naming the line where the chain breaks, or the missing file.
    package static func load(file: String, required: Bool = true) throws(ContentErrors) -> ReviewLedger {
        guard let data = FileManager.default.contents(atPath: file) else {
            if !required && !FileManager.default.fileExists(atPath: file) {
                return ReviewLedger(file: file, entries: [], lines: [], lineHashes: [], tornLine: nil, validLength: 0)
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
        let restore = "Restore reviews.jsonl from version control; decisions are appended with `portal12320 review`, never edited by hand."
        func tampered(_ line: Int, _ message: String) -> ContentErrors {
            ContentErrors([ContentIssue(file: file, line: line, message: message, fix: restore)])
        }
        var entries: [LedgerEntry] = []
        var lines: [Int] = []
        var hashes: [String] = []
        var torn: Int?
        var validLength = 0
        var previous = LedgerEntry.firstPrevious
        let decoder = JSONDecoder()
        let segments = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if line.isEmpty {
                // The newline that ends the file leaves one empty segment; any other blank line was put there by hand.
                if isLast { continue }
                throw tampered(index + 1, "The review ledger has an empty line here: it was edited by hand.")
            }
            guard let entry = try? decoder.decode(LedgerEntry.self, from: line) else {
                // Only an unterminated last line can be an interrupted append.
                if isLast {
                    torn = index + 1
                    continue
                }
                throw tampered(index + 1, "This line of the review ledger is not a decision: it was edited by hand or damaged.")
            }
            guard entry.previous == previous else {
                throw tampered(index + 1, "The review ledger's hash chain is broken here: a line before this one was edited, removed or reordered.")
            }
            entries.append(entry)
            lines.append(index + 1)
            previous = SHA256.hex(line)
            hashes.append(previous)
            validLength = min(line.endIndex - data.startIndex + 1, data.count)
        }
        // Signatures, on all cores: a line whose fields no longer match its signature was edited.
        let forged = entries.concurrentMap { entry -> Bool in
            guard let keyText = entry.key else { return false }
            guard let key = SigningKey.publicKey(from: keyText), let signature = entry.signature.flatMap({ Data(base64Encoded: $0) }) else {
                return true
            }
            return !key.isValidSignature(signature, for: entry.signedBytes)
        }
        if let first = forged.firstIndex(of: true) {
            throw tampered(lines[first], "This line of the review ledger does not match its signature: it was edited after it was signed.")
        }
        return ReviewLedger(file: file, entries: entries, lines: lines, lineHashes: hashes, tornLine: torn, validLength: validLength)
    }

    /// Appends a signed entry under an exclusive lock, chained to the last
    /// line, and flushes it to disk. Concurrent writers are serialised: none is lost.
    /// - Throws: ``OutputError`` when the ledger cannot be written, ``ContentErrors`` when it does not verify.
    package static func append(to file: String, answer: String, sha256: String, findings: String, decision: LedgerEntry.Decision,
                              signer: String, key: SigningKey, note: String, time: Date = Date()) throws -> LedgerEntry {
        let descriptor = open(file, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: file, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw OutputError(path: file, reason: String(cString: strerror(errno))) }
        defer { flock(descriptor, LOCK_UN) }

        // Read and verify under the lock: nothing is chained to a ledger that does not verify.
        let existing = FileManager.default.contents(atPath: file) ?? Data()
        let ledger = try parse(existing, file: file)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let unsigned = LedgerEntry(answer: answer, sha256: sha256, findings: findings, decision: decision, signer: signer,
                                   key: key.publicKey, note: note, time: formatter.string(from: time),
                                   previous: ledger.head.sha256, signature: nil)
        let entry = LedgerEntry(answer: answer, sha256: sha256, findings: findings, decision: decision, signer: signer,
                                key: key.publicKey, note: note, time: unsigned.time, previous: unsigned.previous,
                                signature: try key.signature(for: unsigned.signedBytes).base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(entry) else { throw OutputError(path: file, reason: "the entry cannot be encoded") }
        // A torn last line (a crash mid-append) is no decision: it is moved to reviews.jsonl.torn, so the new entry follows the last one.
        if ledger.tornLine != nil {
            // Kept aside, not destroyed: a torn line that was no crash is evidence.
            let torn = existing[(existing.startIndex + ledger.validLength)...]
            let aside = open(file + ".torn", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard aside >= 0 else { throw OutputError(path: file + ".torn", reason: String(cString: strerror(errno))) }
            let saved = (Array(torn) + [0x0A]).withUnsafeBytes { write(aside, $0.baseAddress, $0.count) }
            close(aside)
            guard saved == torn.count + 1, ftruncate(descriptor, off_t(ledger.validLength)) == 0 else {
                throw OutputError(path: file, reason: String(cString: strerror(errno)))
            }
        }
        var bytes = [UInt8]()
        if ledger.validLength > 0, existing[existing.startIndex + ledger.validLength - 1] != 0x0A { bytes.append(0x0A) }
        bytes += json
        bytes.append(0x0A)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw OutputError(path: file, reason: String(cString: strerror(errno)))
        }
        return entry
    }

    /// Whether this ledger holds `head` as a prefix: its line `head.lines` is the one recorded.
    package func extends(_ head: LedgerHead) -> Bool {
        head.isHeld(by: lineHashes)
    }
}
