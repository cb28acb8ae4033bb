import Crypto
import Foundation
import Synchronization

/// Answers as loaded before, by file, for a process that loads the same
/// content again and again (the preview): a file whose ``FileStamp`` is
/// unchanged, under an unchanged portal.yml, is not read again. The stamp is
/// taken before the file is read, so a save racing the read leaves a stamp
/// that no longer matches, and the file is read again next time.
package final class AnswerFileCache: Sendable {
    fileprivate struct Entry: Sendable {
        let stamp: FileStamp
        let scope: Scope
        let result: Result<Answer, ContentErrors>
        /// Read back from a front file (``frontPart(from:)``), or read for its front matter alone
        /// (``Reading/loadFront(file:scope:province:)``): an answer without its texts, to be checked, never built.
        var frontOnly = false
    }

    private struct State {
        /// SHA-256 of portal.yml: answers are read against its cities and categories.
        var province = ""
        var entries: [String: Entry] = [:]
        /// Stamps taken just before this load by whoever noticed the change (``FolderSignature``), so files are not examined twice.
        var taken: [String: FileStamp] = [:]
        /// Each entry read from a build's cache file, as its bytes there: written again as they are while it is
        /// the same answer (held here, so that its identity is never another answer's).
        var archived: [String: (answer: Answer, bytes: ArraySlice<UInt8>)] = [:]
        /// How many answers of each scope the cache files restored held.
        var restoredCounts: [Scope: Int] = [:]
        /// The scopes of which a front was read from its file, not found kept.
        var frontsRead: Set<Scope> = []
        /// Fronts of a build's memory not decoded yet, by scope: another city's, in a `--city` build, wanted
        /// only if its check (``checks``) is not what this load would make (``materializeFronts(of:)``).
        var deferredFronts: [Scope: DeferredFronts] = [:]
        /// Each city's ``CityCheck``, by abbreviation: restored, or made by a load.
        var checks: [String: CityCheck] = [:]
        /// The checks made since the cache files were restored, that the memory does not hold yet.
        var checksMade: [String: CityCheck] = [:]
    }

    /// A memory file's fronts of one scope, decoded when wanted: the portal.yml they were read under, and
    /// how to decode them (`nil`: damaged).
    package struct DeferredFronts: Sendable {
        let province: String
        let decode: @Sendable () -> Part?

        package init(province: String, decode: @escaping @Sendable () -> Part?) {
            self.province = province
            self.decode = decode
        }
    }

    private let state = Mutex(State())
    /// Whether loads make and keep each city's ``CityCheck``; see ``keepChecks()``.
    private let keepsChecks = Atomic(false)
    /// Whether answers read keep what readers see; see ``giveUpReaderTextsAsRead()``.
    private let keepsReaderTexts = Atomic(true)
    /// Called with each answer read from its file; see ``scanAsRead(_:)``.
    private let scan = Mutex<(@Sendable (Answer) -> Void)?>(nil)
    /// Where answers read give up their sources; see ``spillSourcesAsRead(to:)``.
    private let spill = Mutex<SpillFile?>(nil)

    package init() {}

    /// Makes each answer read from now on give up what readers see as soon as it is read
    /// (``Answer/forgetReaderTexts()``), to be derived from its source again when moderation scans it:
    /// for a build, which scans each answer once, as it is read (``scanAsRead(_:)``). Held until every answer
    /// of the province was read, they took the benchmark province's build from 188-202 MB to 228-237 MB at
    /// its peak. The preview, which scans the same answers again when the lexicon changes, keeps them.
    package func giveUpReaderTextsAsRead() {
        keepsReaderTexts.store(false, ordering: .relaxed)
    }

    /// Makes each load key and keep each city's check (``CityCheck``): for a build's memory, which a later
    /// `--city` build reads back so as not to check the other cities' answers again. The preview does not.
    package func keepChecks() {
        keepsChecks.store(true, ordering: .relaxed)
    }

    /// Whether loads make and keep each city's check.
    var keepingChecks: Bool {
        keepsChecks.load(ordering: .relaxed)
    }

    /// Has `scan` called with each answer read from its file from now on (not one kept from an earlier
    /// load, nor one read back from a build's memory), on the thread that read it, while the answer still
    /// holds what readers see: moderation, for a build that gives them up as read, so that each answer's
    /// YAML and Markdown are parsed once (``FindingsCache/scanAsRead(by:contentDirectory:)``).
    package func scanAsRead(_ scan: @escaping @Sendable (Answer) -> Void) {
        self.scan.withLock { $0 = scan }
    }

    /// Makes each answer read from now on give up its source to `file` once it was scanned and gave up
    /// what readers see (``giveUpReaderTextsAsRead()``): for a build, which needs the source again only to
    /// render the answer's page, index it and save it in its memory. Held until then, the sources of 4x the
    /// benchmark province were 110 MB of the build's peak.
    package func spillSourcesAsRead(to file: SpillFile) {
        spill.withLock { $0 = file }
    }

    /// For the next load: the stamps of the content's files, taken before it starts (by the preview's watch).
    package func take(_ stamps: [String: FileStamp]) {
        state.withLock { $0.taken = stamps }
    }

    /// Forgets every answer unless portal.yml is the same as last time.
    func use(provinceFile: String) {
        let hash = (try? Data(contentsOf: URL(fileURLWithPath: provinceFile))).map { SHA256.hex($0) } ?? ""
        state.withLock { state in
            if state.province != hash { state = State(province: hash, taken: state.taken) }
        }
    }

    /// What one load looks up, taken once before it starts: its files are
    /// looked up on all cores without taking the cache's lock for each.
    package struct Reading: Sendable {
        fileprivate let taken: [String: FileStamp]
        fileprivate let entries: [String: Entry]
        fileprivate let cache: AnswerFileCache
        fileprivate let scan: (@Sendable (Answer) -> Void)?
        fileprivate let spill: SpillFile?

        /// The stamp of `file`: as taken before this load, or examined now.
        func stamp(of file: String) -> FileStamp? {
            taken[file] ?? FileStamp(path: file)
        }

        /// The answer in `file`, from the cache when its stamp is unchanged.
        func load(file: String, scope: Scope, province: Province) -> Result<Answer, ContentErrors> {
            // Taken before the file is read: a save racing the read leaves a stamp that no longer matches.
            let stamp = stamp(of: file)
            if let kept = kept(file: file, scope: scope, stamp: stamp, frontOnly: false) { return kept }
            let result = AnswerLoader.load(file: file, scope: scope, province: province)
            if case .success(let answer) = result {
                scan?(answer)
                if !cache.keepsReaderTexts.load(ordering: .relaxed) { answer.forgetReaderTexts() }
                if let spill { answer.spill(to: spill) }
            }
            // A link's stamp says nothing of the file it names: an answer that is a link is read every time.
            if let stamp, stamp.isFile {
                cache.state.withLock { $0.entries[file] = Entry(stamp: stamp, scope: scope, result: result) }
            }
            return result
        }

        /// The front of the answer in `file` (another city's, in a `--city` load, only checked): from the
        /// cache when its stamp is unchanged, or else read and kept as a front, for the build's memory.
        func loadFront(file: String, scope: Scope, province: Province) -> Result<Answer, ContentErrors> {
            let stamp = stamp(of: file)
            if let kept = kept(file: file, scope: scope, stamp: stamp, frontOnly: true) { return kept }
            let result = AnswerLoader.load(file: file, scope: scope, province: province, frontMatterOnly: true)
            cache.state.withLock { state in
                state.frontsRead.insert(scope)
                if let stamp, stamp.isFile { state.entries[file] = Entry(stamp: stamp, scope: scope, result: result, frontOnly: true) }
            }
            return result
        }

        /// - Parameter frontOnly: whether an answer without its texts will do (one never built).
        private func kept(file: String, scope: Scope, stamp: FileStamp?, frontOnly: Bool) -> Result<Answer, ContentErrors>? {
            guard let stamp, stamp.isFile, let kept = entries[file], kept.stamp == stamp, kept.scope == scope,
                frontOnly || !kept.frontOnly
            else { return nil }
            return kept.result
        }
    }

    /// This load's view of the cache: the stamps taken for it and the answers kept (after ``use(provinceFile:)``).
    func reading() -> Reading {
        let scan = scan.withLock { $0 }
        let spill = spill.withLock { $0 }
        return state.withLock { Reading(taken: $0.taken, entries: $0.entries, cache: self, scan: scan, spill: spill) }
    }

    /// Drops the files no longer loaded, so deleted answers do not stay in memory, and the stamps taken for this load.
    func finish(keeping files: Set<String>) {
        state.withLock { state in
            state.taken = [:]
            for file in state.entries.keys where !files.contains(file) { state.entries[file] = nil }
        }
    }

    /// The answers of one scope kept, for a build's cache file: portal.yml's
    /// hash, then each file's stamp, scope and answer (an entry read from a
    /// cache file, for the same answer, as the bytes it was read from).
    package func write(to archive: inout ArchiveWriter, scope: Scope) {
        let (province, entries, archived) = state.withLock { ($0.province, $0.entries, $0.archived) }
        archive.text(province)
        let kept = entries.filter { entry in
            if case .success = entry.value.result { entry.value.scope == scope && !entry.value.frontOnly } else { false }
        }
        archive.int(kept.count)
        for (file, entry) in kept.sorted(by: { $0.key < $1.key }) {
            guard case .success(let answer) = entry.result else { continue }
            if let same = archived[file], same.answer === answer {
                archive.append(same.bytes)
                continue
            }
            archive.text(file)
            entry.stamp.write(to: &archive)
            archive.text(entry.scope.description)
            answer.write(to: &archive)
        }
    }

    /// The fronts of the answers of `scope` kept (``Answer/writeFront(to:)``), in the order of
    /// ``write(to:scope:)``: all a `--city` build needs of another city's answers, which it only checks.
    /// For a scope a `--city` load only checked, the fronts it read (``Reading/loadFront(file:scope:province:)``).
    package func writeFront(to archive: inout ArchiveWriter, scope: Scope) {
        let (province, entries) = state.withLock { ($0.province, $0.entries) }
        archive.text(province)
        let kept = entries.compactMap { file, entry -> (String, Entry, Answer)? in
            guard case .success(let answer) = entry.result, entry.scope == scope else { return nil }
            return (file, entry, answer)
        }.sorted { $0.0 < $1.0 }
        archive.int(kept.count)
        for (file, entry, answer) in kept {
            archive.text(file)
            entry.stamp.write(to: &archive)
            answer.writeFront(to: &archive)
        }
    }

    /// What one cache file kept (see ``write(to:scope:)``), to ``restore(_:)``.
    package struct Part: Sendable {
        let province: String
        fileprivate let entries: [String: Entry]
        let archived: [String: (answer: Answer, bytes: ArraySlice<UInt8>)]

        /// The answers it holds, by file.
        package var answersByFile: [String: Answer] { archived.mapValues(\.answer) }
    }

    /// Reads the fronts of the answers one front file kept (see ``writeFront(to:scope:)``).
    package static func frontPart(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Part {
        let province = try archive.text()
        var entries: [String: Entry] = [:]
        for _ in 0..<(try archive.count()) {
            let file = try archive.text()
            let stamp = try FileStamp(from: &archive)
            let answer = try Answer.read(from: &archive, frontOnly: true)
            guard answer.file == file else { throw ArchiveReader.Damaged() }
            entries[file] = Entry(stamp: stamp, scope: answer.scope, result: .success(answer), frontOnly: true)
        }
        return Part(province: province, entries: entries, archived: [:])
    }

    /// Reads the answers one cache file kept.
    package static func part(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Part {
        let province = try archive.text()
        let count = try archive.count()
        var entries: [String: Entry] = [:]
        var archived: [String: (answer: Answer, bytes: ArraySlice<UInt8>)] = [:]
        // Sized ahead (a count is never more than the bytes left): not grown and rehashed on the way.
        entries.reserveCapacity(count)
        archived.reserveCapacity(count)
        for _ in 0..<count {
            let start = archive.position
            let file = try archive.text()
            let stamp = try FileStamp(from: &archive)
            let scopeName = try archive.text()
            let answer = try Answer.read(from: &archive)
            guard answer.file == file, answer.scope.description == scopeName else { throw ArchiveReader.Damaged() }
            entries[file] = Entry(stamp: stamp, scope: answer.scope, result: .success(answer))
            archived[file] = (answer, archive.bytes(from: start))
        }
        return Part(province: province, entries: entries, archived: archived)
    }

    /// Takes the answers cache files kept, those read under the same
    /// portal.yml as the first; each is used only while its file's stamp is
    /// unchanged, under that portal.yml (``use(provinceFile:)``).
    /// - Parameter deferredFronts: fronts not decoded yet (see ``materializeFronts(of:)``).
    /// - Parameter checks: the cities' checks the memory held, by abbreviation (see ``CityCheck``).
    package func restore(_ parts: [Part], deferredFronts: [Scope: DeferredFronts] = [:], checks: [String: CityCheck] = [:]) {
        guard let province = parts.first?.province ?? deferredFronts.values.first?.province else { return }
        state.withLock { state in
            state.province = province
            state.entries = [:]
            state.archived = [:]
            state.restoredCounts = [:]
            let restored = parts.filter { $0.province == province }
            state.entries.reserveCapacity(restored.reduce(0) { $0 + $1.entries.count })
            state.archived.reserveCapacity(restored.reduce(0) { $0 + $1.archived.count })
            for part in restored {
                state.entries.merge(part.entries) { first, _ in first }
                state.archived.merge(part.archived) { first, _ in first }
                for entry in part.entries.values where !entry.frontOnly { state.restoredCounts[entry.scope, default: 0] += 1 }
            }
            state.deferredFronts = deferredFronts.filter { $0.value.province == province }
            state.checks = checks
            state.checksMade = [:]
        }
    }

    /// Decodes the fronts of `scopes` the memory held (``restore(_:deferredFronts:checks:)``), for the next
    /// ``reading()``: a `--city` load checks those cities again. Fronts that cannot be decoded are read from the files.
    func materializeFronts(of scopes: Set<Scope>) {
        let wanted = state.withLock { state in scopes.compactMap { scope in state.deferredFronts.removeValue(forKey: scope) } }
        let parts = wanted.concurrentMap { $0.decode() }
        state.withLock { state in
            for case let part? in parts where part.province == state.province {
                state.entries.merge(part.entries) { kept, _ in kept }
            }
        }
    }

    /// Forgets the checks of cities not in `cities` (gone from portal.yml).
    func forgetChecks(except cities: Set<String>) {
        state.withLock { state in
            state.checks = state.checks.filter { cities.contains($0.key) }
            state.checksMade = state.checksMade.filter { cities.contains($0.key) }
        }
    }

    /// The check of the city `abbr` this cache holds, made from what its key says.
    func check(of abbr: String) -> CityCheck? {
        state.withLock { $0.checks[abbr] }
    }

    /// Keeps `check` as the city `abbr`'s, and for the memory when it is not the one it holds.
    func record(_ check: CityCheck, of abbr: String) {
        state.withLock { state in
            guard state.checks[abbr] != check else { return }
            state.checks[abbr] = check
            state.checksMade[abbr] = check
        }
    }

    /// Every city's check this cache holds, restored or made, by abbreviation.
    package var checks: [String: CityCheck] {
        state.withLock { $0.checks }
    }

    /// The checks made since the memory was restored that it does not hold, by city abbreviation.
    package var checksMade: [String: CityCheck] {
        state.withLock { $0.checksMade }
    }

    /// SHA-256 of the portal.yml the answers kept were read under (``use(provinceFile:)``).
    var provinceHash: String {
        state.withLock { $0.province }
    }

    /// The scopes whose answers are exactly those a build's cache file was read with: the same
    /// files, each the very answer read back (none read again from its file, none added or gone).
    package func scopesAsRestored() -> Set<Scope> {
        state.withLock { state in
            // In one pass over every answer, not one per scope: each pass held the lock the others waited for.
            var counts: [Scope: Int] = [:]
            var changed = Set<Scope>()
            for (file, entry) in state.entries where !changed.contains(entry.scope) {
                guard case .success(let answer) = entry.result, state.archived[file]?.answer === answer else {
                    changed.insert(entry.scope)
                    continue
                }
                counts[entry.scope, default: 0] += 1
            }
            return Set(state.restoredCounts.keys.filter { !changed.contains($0) && counts[$0, default: 0] == state.restoredCounts[$0] })
        }
    }

    /// The scopes of which a front was read from its answer's file since the cache files were restored
    /// (``Reading/loadFront(file:scope:province:)``): their fronts' file does not hold what this load found.
    package var scopesWithFrontsRead: Set<Scope> {
        state.withLock { $0.frontsRead }
    }

    /// The scopes of which only fronts are kept (another city's, in a `--city` load).
    package var frontOnlyScopes: Set<Scope> {
        state.withLock { state in
            let whole = Set(state.entries.values.compactMap { $0.frontOnly ? nil : $0.scope })
            return Set(state.entries.values.compactMap { $0.frontOnly ? $0.scope : nil }).subtracting(whole)
        }
    }

    /// The scopes of the answers kept, but those of which only fronts are kept.
    package var scopes: Set<Scope> {
        state.withLock { state in
            Set(state.entries.values.compactMap { if case .success = $0.result, !$0.frontOnly { $0.scope } else { nil } })
        }
    }

    /// The answers kept, by file (to restore what else was kept of them), but those kept as fronts only.
    package var answersByFile: [String: Answer] {
        state.withLock { state in
            state.entries.compactMapValues { if case .success(let answer) = $0.result, !$0.frontOnly { answer } else { nil } }
        }
    }
}
