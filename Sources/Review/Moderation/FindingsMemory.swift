import Content
import Crypto
import Foundation
import Moderation

/// What `moderate` found in each file, kept for its next run: a file whose
/// bytes are the very bytes scanned before (their SHA-256), under the same
/// path and scope, is not scanned again while the ``basis`` is the same (the
/// executable and the tables it reads, the lexicon's bytes, the contact
/// directory). Kept in `.build-cache/<content folder's name>.findings` beside
/// the content folder (safe to delete), readable by the user alone (findings
/// quote callers' numbers), sealed with the user's key (``CacheSeal``): a file
/// anybody else wrote, or one damaged, is read as no memory at all, never in
/// part. Files gone are forgotten at the next write. Reading what readers see
/// of an answer (YAML, Markdown) is most of a scan; a run over a province in
/// which a few answers changed reads every file and hashes it, and scans only those.
package struct FindingsMemory: Sendable {
    private static let header = "portal12320 findings memory 1"
    /// Beyond this many files, only those of the latest run are remembered (a province holds 13,500).
    static let maxEntries = 200_000

    private struct Entry: Sendable {
        /// The scope the file's findings allowed contacts of (see ``ModerationReport``).
        let scope: String
        let sha256: String
        let findings: [Finding]
    }

    /// What every finding kept depends on besides its file.
    let basis: String
    private var entries: [String: Entry]
    /// The files of this run: kept at the next write; the others only while they are there, and not beyond ``maxEntries``.
    private var used: Set<String> = []
    /// Whether anything was kept since the memory was read.
    private(set) var isChanged = false
    /// Whether anything is kept (a memory with no user key to seal it keeps nothing).
    let keeps: Bool

    /// A memory that neither holds nor keeps anything: every file is scanned.
    package static let none = FindingsMemory(basis: "", entries: [:], keeps: false)

    private init(basis: String, entries: [String: Entry], keeps: Bool) {
        self.basis = basis
        self.entries = entries
        self.keeps = keeps
    }

    /// The memory's basis: `lexicon`, the bytes the moderator was made from by path, and `contacts`, with the executable.
    package static func basis(lexicon: [String: Data?], contacts: ContactDirectory) -> String {
        var hash = SHA256()
        // Each path and file with its length: bytes cannot move from one file into another and hash the same.
        for (path, bytes) in lexicon.sorted(by: { PathText.precedesInBytes($0.key, $1.key) }) {
            let content = bytes ?? Data()
            hash.update(data: Data("\(path.utf8.count):\(path)\(bytes == nil ? "-" : String(content.count)):".utf8))
            hash.update(data: content)
        }
        return "\(ProgramStamp.ofThisRun)lexicon \(hash.finalize().hex)\ncontacts \(SHA256.hex(Data("\(contacts.entries)".utf8)))\n"
    }

    /// `.build-cache/<content folder's name>.findings` beside the content folder.
    package static func file(forContent content: String) -> String {
        CacheFolder.file(for: content, suffix: "findings")
    }

    /// The memory kept at `file` under `basis`; an empty one when there is none, it was made under another
    /// basis, sealed with another key, or damaged. Without a seal nothing is read or kept.
    package static func read(from file: String, basis: String, seal: CacheSeal?) -> FindingsMemory {
        guard let seal else { return .none }
        let empty = FindingsMemory(basis: basis, entries: [:], keeps: true)
        guard let payload = seal.payload(of: file) else { return empty }
        var archive = ArchiveReader(payload)
        do throws(ArchiveReader.Damaged) {
            guard try archive.text() == header, try archive.text() == basis else { return empty }
            var entries: [String: Entry] = [:]
            for _ in 0..<(try archive.count()) {
                let path = try archive.text()
                entries[path] = Entry(scope: try archive.text(), sha256: try archive.text(), findings: try Finding.findings(from: &archive))
            }
            guard archive.isAtEnd else { return empty }
            return FindingsMemory(basis: basis, entries: entries, keeps: true)
        } catch {
            return empty
        }
    }

    /// What the file at `path` was found to hold when its bytes had this SHA-256 and it had this scope; `nil` when it is not known.
    package func findings(of path: String, scope: String, sha256: String) -> [Finding]? {
        guard let entry = entries[path], entry.sha256 == sha256, entry.scope == scope else { return nil }
        return entry.findings
    }

    /// Notes that `path` was part of this run, with the findings of its bytes `sha256` in `scope` (unless they were known).
    mutating func keep(_ findings: [Finding], of path: String, scope: String, sha256: String) {
        guard keeps else { return }
        used.insert(path)
        if let entry = entries[path], entry.sha256 == sha256, entry.scope == scope { return }
        entries[path] = Entry(scope: scope, sha256: sha256, findings: findings)
        isChanged = true
    }

    /// Writes the memory, sealed, through a temporary file (mode 0600) renamed over `file`, when anything was kept
    /// or forgotten since it was read: never half a memory. Files neither of this run nor still there are forgotten.
    /// Nothing is written without a seal, nor when the program or its tables changed during the run (its findings
    /// would be filed under tables they were not made with); a failure is no error (the next run scans).
    /// - Parameter programUnchanged: whether the program and its tables are those the run started with.
    package mutating func write(to file: String, seal: CacheSeal?, programUnchanged: Bool = ProgramStamp.isUnchangedSinceStart) {
        guard keeps, let seal, programUnchanged else { return }
        let gone = entries.keys.filter { !used.contains($0) && (entries.count > Self.maxEntries || FileStamp(following: $0) == nil) }
        for path in gone { entries[path] = nil }
        guard isChanged || !gone.isEmpty else { return }
        Self.removeLeftovers(of: file)
        try? FileManager.default.createDirectory(atPath: PathText.parent(of: file), withIntermediateDirectories: true)
        guard let sealed = seal.file(at: file) else { return }
        var archive = ArchiveWriter(drainingEvery: 1 << 20) { sealed.write($0) }
        archive.text(Self.header)
        archive.text(basis)
        archive.int(entries.count)
        // The paths sorted alone, each entry then looked up: sorting the pairs moved every entry's findings.
        for path in entries.keys.sorted(by: PathText.precedesInBytes) {
            guard let entry = entries[path] else { continue }
            archive.text(path)
            archive.text(entry.scope)
            archive.text(entry.sha256)
            Finding.write(entry.findings, to: &archive)
        }
        archive.finish()
        if sealed.commit() { isChanged = false }
    }

    /// Removes the temporary files (`<file>.<pid>.tmp`) a run killed while writing left: they quote callers' numbers,
    /// and nothing would ever read them. One a run writing now holds goes too: that run then keeps nothing.
    private static func removeLeftovers(of file: String) {
        let folder = PathText.parent(of: file)
        let prefix = (file as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".tmp") && name.dropFirst(prefix.count).dropLast(4).allSatisfy(\.isNumber) {
            unlink("\(folder)/\(name)")
        }
    }
}
