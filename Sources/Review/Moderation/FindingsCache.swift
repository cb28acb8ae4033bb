import Content
import Crypto
import Foundation
import Moderation
import Synchronization

/// Moderation results kept between loads of the same content (the preview), or
/// made while the content is read (`build`, ``scanAsRead(by:contentDirectory:)``):
/// the lexicon's moderator while the lexicon folder's files are unchanged,
/// and each answer's findings while it is the same answer (the same object,
/// which ``AnswerFileCache`` gives back for an unchanged file) and the
/// contact directory is the same. A changed lexicon starts afresh. The
/// lexicon's files are read once, and the moderator is made from the bytes
/// hashed: an edit racing the read (even one undone at once, such as a
/// checkout of another branch and back) never files one lexicon's findings
/// under another's hash.
package final class FindingsCache: Sendable {
    private struct State {
        var lexicon = ""
        var moderator: Moderator?
        /// The contacts every scope may show, as written out.
        var contacts = ""
        /// By answer; the entry holds the answer, so its identity is never reused while kept.
        var findings: [ObjectIdentifier: (answer: Answer, findings: [Finding])] = [:]
        /// Read from a build's cache file: like `findings`, but not dropped for
        /// answers a load leaves out (another city's, in a `--city` build), so
        /// that the next cache file still holds them. Gone with the lexicon or contacts.
        var restored: [ObjectIdentifier: (answer: Answer, findings: [Finding])] = [:]
    }

    private let state = Mutex(State())
    /// The bytes of a file by its path (`nil`: missing or unreadable).
    private let read: @Sendable (String) -> Data?

    /// - Parameter read: how the lexicon's files are read (the disk; a test's reader shows each file is read once).
    init(reading read: @escaping @Sendable (String) -> Data?) {
        self.read = read
    }

    package convenience init() {
        self.init { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    /// The moderator of the content's lexicon, built again only when a file of the lexicon changed.
    func moderator(for contentDirectory: String) throws(ContentErrors) -> Moderator {
        let folder = contentDirectory + "/lexicon"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var bytes = Data()
        var files: [String: Data] = [:]
        // Each name and file with its length: bytes cannot move from one file into another and hash the same.
        for name in names {
            let content = read("\(folder)/\(name)")
            files["\(folder)/\(name)"] = content
            let hashed = content ?? Data()
            bytes += Data("\(name.utf8.count):\(name)\(hashed.count):".utf8) + hashed
        }
        let key = SHA256.hex(bytes)
        if let kept = state.withLock({ $0.lexicon == key ? $0.moderator : nil }) { return kept }
        // Made from the bytes just hashed, never read again: a file missing or unreadable then is so now.
        let moderator = try ReviewBoard.moderator(for: contentDirectory) { files[$0] }
        state.withLock { state in
            // Findings read from a build's cache were made with this lexicon: they stay.
            if state.lexicon == key { state.moderator = moderator } else { state = State(lexicon: key, moderator: moderator) }
        }
        return moderator
    }

    /// The hash of the lexicon folder the last moderator was made from (`""` before any).
    package var lexiconHash: String {
        state.withLock { $0.lexicon }
    }

    /// Forgets every answer's findings unless the contact directory is the same as last time.
    func use(contacts: String) {
        state.withLock { state in
            if state.contacts != contacts {
                state.contacts = contacts
                state.findings = [:]
                state.restored = [:]
            }
        }
    }

    /// The findings of `answer`, scanned once.
    func findings(of answer: Answer, scan: () -> [Finding]) -> [Finding] {
        let id = ObjectIdentifier(answer)
        if let kept = state.withLock({ $0.findings[id] ?? $0.restored[id] }), kept.answer === answer { return kept.findings }
        let findings = scan()
        state.withLock { $0.findings[id] = (answer, findings) }
        return findings
    }

    /// Has each answer `answers` reads from its file from now on scanned as it is read, with the lexicon and
    /// contact directory of `contentDirectory` as they are now, and its findings kept for the board
    /// (``ReviewBoard/init(content:cache:)``), which uses them only while both are unchanged and the answer is the
    /// same: a lexicon or directory edited meanwhile, or one that cannot be read now, has the board scan
    /// every answer itself. With ``AnswerFileCache/giveUpReaderTextsAsRead()``, a build then parses each
    /// answer once and never holds what readers see of the whole province.
    package func scanAsRead(by answers: AnswerFileCache, contentDirectory: String) {
        guard let moderator = try? moderator(for: contentDirectory),
            let province = try? ProvinceLoader.load(file: contentDirectory + "/portal.yml"),
            let contacts = try? ContactDirectoryLoader.load(contentDirectory: contentDirectory, province: province)
        else { return }
        let written = "\(contacts.entries)"
        use(contacts: written)
        guard let lexicon = state.withLock({ $0.moderator == nil ? nil : $0.lexicon }) else { return }
        answers.scanAsRead { [self] answer in
            keepFindings(of: answer, madeWith: (lexicon, written)) { moderator.scan(answer, contacts: contacts) }
        }
    }

    /// Keeps the findings of `answer` made by `scan` with the lexicon and contact directory `madeWith`, unless
    /// either is no longer the cache's (a later load, after an edit, has the board scan with what it read).
    private func keepFindings(of answer: Answer, madeWith: (lexicon: String, contacts: String), scan: () -> [Finding]) {
        let id = ObjectIdentifier(answer)
        let current = { (state: State) in state.lexicon == madeWith.lexicon && state.contacts == madeWith.contacts }
        guard state.withLock({ current($0) && $0.findings[id]?.answer !== answer }) else { return }
        let findings = scan()
        state.withLock { state in
            if current(state) { state.findings[id] = (answer, findings) }
        }
    }

    /// Drops the findings of answers no longer loaded.
    func keep(only answers: [Answer]) {
        let kept = Set(answers.map(ObjectIdentifier.init))
        state.withLock { state in
            for id in state.findings.keys where !kept.contains(id) { state.findings[id] = nil }
        }
    }

    /// The findings of `answers` (each with its file), for a build's cache file: the
    /// lexicon's hash and the contact directory they were made with, then each
    /// answer's file, SHA-256 and findings, for those whose findings are known.
    package func write(to archive: inout ArchiveWriter, answers: [(file: String, answer: Answer)]) {
        let state = state.withLock { $0 }
        archive.text(state.lexicon)
        archive.text(state.contacts)
        let known = answers.sorted { $0.file < $1.file }.compactMap { _, answer -> (Answer, [Finding])? in
            let id = ObjectIdentifier(answer)
            guard let kept = state.findings[id] ?? state.restored[id], kept.answer === answer else { return nil }
            return (answer, kept.findings)
        }
        archive.int(known.count)
        for (answer, findings) in known {
            archive.text(answer.file)
            archive.text(answer.fileHash)
            Finding.write(findings, to: &archive)
        }
    }

    /// What one cache file kept of the findings (see ``write(to:answers:)``), to ``restore(_:)``.
    package struct Part: Sendable {
        let lexicon: String
        let contacts: String
        let kept: [ObjectIdentifier: (answer: Answer, findings: [Finding])]
        /// How many answers' findings the file held, kept or not.
        package let entries: Int
    }

    /// Reads the findings a build's cache file kept for `answers` (as read
    /// back from the same file): each only for the answer of the same file and SHA-256.
    package static func part(from archive: inout ArchiveReader, answers: [String: Answer]) throws(ArchiveReader.Damaged) -> Part {
        let lexicon = try archive.text()
        let contacts = try archive.text()
        var kept: [ObjectIdentifier: (answer: Answer, findings: [Finding])] = [:]
        let entries = try archive.count()
        kept.reserveCapacity(entries)
        for _ in 0..<entries {
            let file = try archive.text()
            let fileHash = try archive.text()
            let findings = try Finding.findings(from: &archive)
            if let answer = answers[file], answer.fileHash == fileHash { kept[ObjectIdentifier(answer)] = (answer, findings) }
        }
        return Part(lexicon: lexicon, contacts: contacts, kept: kept, entries: entries)
    }

    /// Whether the findings of each of `answers` are those a build's cache file was read with, none scanned since.
    package func holdsOnlyRestored(_ answers: some Sequence<Answer>) -> Bool {
        state.withLock { state in
            answers.allSatisfy { answer in
                let id = ObjectIdentifier(answer)
                return state.findings[id] == nil && state.restored[id]?.answer === answer
            }
        }
    }

    /// Whether the findings of each of `answers` were scanned by this process, none read from a build's cache file (for the tests).
    package func holdsOnlyScanned(_ answers: some Sequence<Answer>) -> Bool {
        state.withLock { state in answers.allSatisfy { state.findings[ObjectIdentifier($0)]?.answer === $0 } }
    }

    /// Takes the findings cache files kept, those made with the same lexicon
    /// and contact directory as the first; all are used only while the lexicon
    /// and the contact directory are the same (``moderator(for:)`` and ``use(contacts:)`` check).
    package func restore(_ parts: [Part]) {
        guard let first = parts.first else { return }
        let restored = parts.filter { $0.lexicon == first.lexicon && $0.contacts == first.contacts }
        var kept: [ObjectIdentifier: (answer: Answer, findings: [Finding])] = [:]
        kept.reserveCapacity(restored.reduce(0) { $0 + $1.kept.count })
        for part in restored {
            kept.merge(part.kept) { first, _ in first }
        }
        state.withLock { $0 = State(lexicon: first.lexicon, moderator: nil, contacts: first.contacts, restored: kept) }
    }
}
