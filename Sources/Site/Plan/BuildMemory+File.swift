import Content
import Foundation
import Glibc
import Publish
import Review

/// What one build remembers for the next into the same output folder: the
/// answers as read and their findings, kept in `.build-cache/<output>.memory/`
/// (safe to delete), one file per scope (`province`, `city-<abbr>`, `media`),
/// each sealed with the user's key (``CacheSeal``), and beside each the fronts
/// of its answers (`<scope>.front`, sealed too): a `--city` build only checks
/// the other cities' answers, and reads no more of them than that; and each
/// city's last check (`city-<abbr>.check`, ``CityCheck``), while which it decodes
/// not even those. The next build reads back
/// an answer only while its file's `lstat` stamp (with the status-change time)
/// is unchanged, under the same portal.yml, and its findings only under the
/// same lexicon and contact directory, with the same executable: so a build
/// with this memory publishes what one without would. The files are read on
/// all cores, and only those whose contents changed are written again.
extension BuildMemory {
    private static let header = "portal12320 build memory 4"
    static let frontHeader = "portal12320 build memory fronts 1"
    private static let frontSuffix = ".front"

    /// `.build-cache/<output folder's name>.memory` beside the output folder: a folder of one file per scope.
    package static func file(for output: String) -> String {
        BuildStamp.cacheFile(for: output, suffix: "memory")
    }

    /// The executable and the tables it reads, as their stamps: answers and findings are what they made of the files.
    static var executable: String { ProgramStamp.ofThisRun }

    /// The name of a scope's file in the memory folder.
    private static func name(of scope: Scope) -> String {
        switch scope {
        case .province: "province"
        case .city(let abbr): "city-\(abbr)"
        case .media: "media"
        }
    }

    /// Whether `name` is a scope's file (not a temporary file, not anything else).
    private static func isScopeFile(_ name: String) -> Bool {
        name == "province" || name == "media" || (name.hasPrefix("city-") && name.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// Whether `name` is a scope's file, its fronts' file or a city's check.
    private static func isMemoryFile(_ name: String) -> Bool {
        isScopeFile(name) || [frontSuffix, checkSuffix].contains { name.hasSuffix($0) && isScopeFile(String(name.dropLast($0.count))) }
    }

    /// A city's check (``CityCheck``) beside its file: header, executable, then the check.
    private static let checkSuffix = ".check"
    private static let checkHeader = "portal12320 build memory check 1"

    /// The cities' checks kept in `folder` (of the files `names`), by abbreviation: each whole, sealed with the user's
    /// key and this executable's.
    private static func readChecks(in folder: String, names: [String], seal: CacheSeal) -> [String: CityCheck] {
        var checks: [String: CityCheck] = [:]
        for name in names where name.hasPrefix("city-") && name.hasSuffix(checkSuffix) {
            guard let sealed = try? FileBytes.read("\(folder)/\(name)"), let end = seal.open(sealed) else { continue }
            var archive = ArchiveReader(sealed, end: end)
            guard (try? archive.text()) == checkHeader, (try? archive.text()) == executable,
                let check = try? CityCheck.read(from: &archive), archive.isAtEnd
            else { continue }
            checks[String(name.dropFirst(5).dropLast(checkSuffix.count))] = check
        }
        return checks
    }

    /// Writes the checks a load made that the memory does not hold, each beside its city's file.
    private func writeChecks(in folder: String, seal: CacheSeal) {
        for (abbr, check) in answers.checksMade {
            var archive = ArchiveWriter()
            archive.text(Self.checkHeader)
            archive.text(Self.executable)
            check.write(to: &archive)
            if let file = seal.file(at: "\(folder)/\(Self.name(of: .city(abbr)))\(Self.checkSuffix)") {
                file.write(archive.bytes[...])
                file.commit()
            }
        }
    }

    /// A memory holding what the last build into `output` left, or an empty
    /// one when there is none. A file made by another executable, not sealed
    /// with this user's key, or damaged, is read as nothing, never in part.
    /// - Parameter cities: for a `--city` build, the cities it builds: of the
    ///   others only the fronts of their answers are read, decoded if a city's check is to be made again.
    package static func restored(for output: String, cities: Set<String> = [], seal: CacheSeal? = CacheSeal.user()) -> BuildMemory {
        // One build renders each answer once: it keeps no renderings for another.
        let memory = BuildMemory(keepingRenderings: false)
        memory.answers.keepChecks()
        let folder = file(for: output)
        guard let seal, FileStamp(path: folder)?.isFolder == true else { return memory }
        // Each scope with a file, or fronts alone (another city's, after a `--city` build wrote them for another program's).
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let names = Set(listed.compactMap { name in
            isScopeFile(name) ? name : name.hasSuffix(frontSuffix) && isMemoryFile(name) ? String(name.dropLast(frontSuffix.count)) : nil
        }).sorted()
        let checkedOnly = { @Sendable (name: String) in !cities.isEmpty && name.hasPrefix("city-") && !cities.contains(String(name.dropFirst(5))) }
        // Another city's fronts are decoded only if its check is to be made again (`AnswerFileCache.materializeFronts`).
        enum Read {
            case whole(AnswerFileCache.Part, FindingsCache.Part, payload: ArraySlice<UInt8>)
            case fronts(AnswerFileCache.DeferredFronts)
        }
        let parts = names.concurrentMap { name -> (name: String, read: Read)? in
            let checked = checkedOnly(name)
            guard let sealed = try? FileBytes.read("\(folder)/\(name)\(checked ? frontSuffix : "")"), let end = seal.open(sealed) else { return nil }
            var archive = ArchiveReader(sealed, end: end)
            do {
                guard try archive.text() == (checked ? frontHeader : header), try archive.text() == executable else { return nil }
                if checked {
                    var peek = archive
                    let fronts = archive
                    return (name, .fronts(AnswerFileCache.DeferredFronts(province: try peek.text()) {
                        var archive = fronts
                        guard let part = try? AnswerFileCache.frontPart(from: &archive), archive.isAtEnd else { return nil }
                        return part
                    }))
                }
                let answers = try AnswerFileCache.part(from: &archive)
                let findings = try FindingsCache.part(from: &archive, answers: answers.answersByFile)
                guard archive.isAtEnd else { return nil }
                return (name, .whole(answers, findings, payload: sealed[..<end]))
            } catch {
                return nil
            }
        }.compactMap { $0 }
        var whole: [AnswerFileCache.Part] = []
        var findings: [FindingsCache.Part] = []
        var deferred: [Scope: AnswerFileCache.DeferredFronts] = [:]
        for (name, read) in parts {
            switch read {
            case .whole(let answers, let found, let payload):
                whole.append(answers)
                findings.append(found)
                memory.files.keep(payload, as: name, findings: found.entries)
            case .fronts(let fronts):
                deferred[.city(String(name.dropFirst(5)))] = fronts
            }
        }
        memory.answers.restore(whole, deferredFronts: deferred, checks: readChecks(in: folder, names: listed, seal: seal))
        memory.findings.restore(findings)
        let read = Set(parts.map(\.name))
        for name in names where checkedOnly(name) {
            memory.files.noteFrontsOnly(name, read: read.contains(name),
                                        ofAnotherProgram: !read.contains(name) && frontsOfAnotherProgram("\(folder)/\(name)\(frontSuffix)", seal: seal))
        }
        return memory
    }

    /// Whether the fronts' file at `path` is whole, sealed with the user's key, and another executable's (the program changed).
    private static func frontsOfAnotherProgram(_ path: String, seal: CacheSeal) -> Bool {
        guard let sealed = try? FileBytes.read(path), let end = seal.open(sealed) else { return false }
        var archive = ArchiveReader(sealed, end: end)
        return (try? archive.text() == frontHeader && archive.text() != executable) ?? false
    }

    /// Writes what this memory holds for the next build into `output`: each
    /// scope's file whose contents changed, through a temporary file renamed
    /// over the last (never half a file); the file of a scope with no answer left is removed.
    package func save(for output: String, seal: CacheSeal? = CacheSeal.user()) {
        // Answers and findings made while the program or its tables changed are filed under neither.
        guard let seal, ProgramStamp.isUnchangedSinceStart else { return }
        let folder = Self.file(for: output)
        // A memory of an earlier version was one file of this name.
        if let stamp = FileStamp(path: folder), !stamp.isFolder { unlink(folder) }
        try? FileManager.default.createDirectory(atPath: PathText.parent(of: folder), withIntermediateDirectories: true)
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST, FileStamp(path: folder)?.isFolder == true else { return }
        let answersByFile = answers.answersByFile
        // The other cities of a `--city` build were only checked: their files stay as they are. Fronts that could
        // not be read go, so that the next build of every city writes them again, but those of another program (it
        // was upgraded) are written again from the fronts this build read to check them, so that the next `--city`
        // build does not read every answer of those cities again: 0.45 s against 0.76 s for the benchmark's Nanjing.
        // Their answers' file goes with them (another program's too, or, if a build was killed between writing the
        // two, this one's): the next build of every city then writes both again, fronts with the answers' links,
        // which these, read from the front matter alone, lack. So are fronts read back of which some had to be
        // read from their answers' files again (the content folder named another way, `Content` against its full
        // path, finds none of those kept): else every later `--city` build read them again (0.93 s against 0.57 s).
        let checkedOnly = files.filesReadAsFronts
        let frontScopes = Dictionary(uniqueKeysWithValues: answers.frontOnlyScopes.map { (Self.name(of: $0), $0) })
        let readAgain = Set(answers.scopesWithFrontsRead.map(Self.name(of:)))
        for (name, read) in checkedOnly where !read || readAgain.contains(name) {
            let front = "\(folder)/\(name)\(Self.frontSuffix)"
            guard read || files.frontsOfAnotherProgram.contains(name), let scope = frontScopes[name] else {
                unlink(front)
                continue
            }
            unlink("\(folder)/\(name)")
            writeFronts(of: scope, to: front, seal: seal)
        }
        let scopes = answers.scopes.filter { checkedOnly[Self.name(of: $0)] == nil }
        // Each scope's answers, and the scopes read back as they are, found in one pass over the province's answers each.
        let answersByScope = Dictionary(grouping: answersByFile.map { (file: $0.key, answer: $0.value) }, by: \.answer.scope)
        let asRestored = answers.scopesAsRestored()
        let written = scopes.sorted().concurrentMap { scope -> String in
            let name = Self.name(of: scope)
            let front = "\(folder)/\(name)\(Self.frontSuffix)"
            // Every answer of the scope the very one read back from its file, with the findings read
            // with it, as many as the file held: the file already holds what would be written.
            let answersOfScope = answersByScope[scope] ?? []
            if asRestored.contains(scope), findings.holdsOnlyRestored(answersOfScope.lazy.map(\.answer)),
                files.findingsHeld(by: name) == answersOfScope.count, FileStamp(path: front)?.isFile == true {
                return name
            }
            var archive = ArchiveWriter()
            archive.text(Self.header)
            archive.text(Self.executable)
            answers.write(to: &archive, scope: scope)
            findings.write(to: &archive, answers: answersOfScope)
            if !files.holds(archive.bytes, as: name), let file = seal.file(at: "\(folder)/\(name)") {
                file.write(archive.bytes[...])
                file.commit()
            }
            writeFronts(of: scope, to: front, seal: seal)
            return name
        }
        writeChecks(in: folder, seal: seal)
        let checked = Set(answers.checks.keys.map { Self.name(of: .city($0)) })
        let kept = Set(written + checkedOnly.keys)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where Self.isMemoryFile(name) {
            // A city's check stands by its key, with or without the city's files: kept while the load holds it.
            if name.hasSuffix(Self.checkSuffix) {
                if !checked.contains(String(name.dropLast(Self.checkSuffix.count))) { unlink("\(folder)/\(name)") }
                continue
            }
            guard !kept.contains(name.hasSuffix(Self.frontSuffix) ? String(name.dropLast(Self.frontSuffix.count)) : name) else { continue }
            unlink("\(folder)/\(name)")
        }
    }

    /// Writes the fronts of the answers of `scope` to `path`, sealed, through a temporary file renamed over it.
    private func writeFronts(of scope: Scope, to path: String, seal: CacheSeal) {
        var fronts = ArchiveWriter()
        fronts.text(Self.frontHeader)
        fronts.text(Self.executable)
        answers.writeFront(to: &fronts, scope: scope)
        if let file = seal.file(at: path) {
            file.write(fronts.bytes[...])
            file.commit()
        }
    }

    /// Removes what a killed build left of a memory it was writing (`<memory>/<scope>.<pid>.tmp`, and
    /// `<memory>.<pid>.tmp` of an earlier version): it holds callers' private replies, as the memory
    /// does, and nothing would ever read it. Under the build lock.
    package static func removeLeftovers(for output: String) {
        let memory = file(for: output)
        for (folder, prefix) in [(PathText.parent(of: memory), (memory as NSString).lastPathComponent + "."), (memory, "")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".tmp") && name.hasPrefix(prefix) {
                let middle = name.dropFirst(prefix.count).dropLast(4)
                // `<pid>` alone (the file of an earlier version), or `<scope>.<pid>` in the folder.
                let pid = prefix.isEmpty ? middle.split(separator: ".").last.map(String.init) ?? "" : String(middle)
                guard !pid.isEmpty, pid.allSatisfy(\.isNumber) else { continue }
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}
