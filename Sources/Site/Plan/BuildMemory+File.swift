import Content
import Foundation
import Publish
import Review

/// What one build remembers for the next into the same output folder: the
/// answers as read and their findings, kept in `.build-cache/<output>.memory`
/// (safe to delete) and sealed with the user's key (``CacheSeal``). The next
/// build reads back an answer only while its file's `lstat` stamp (with the
/// status-change time) is unchanged, under the same portal.yml, and its
/// findings only under the same lexicon and contact directory, with the same
/// executable: so a build with this memory publishes what one without would.
extension BuildMemory {
    private static let header = "portal12320 build memory 1"

    /// `.build-cache/<output folder's name>.memory` beside the output folder.
    package static func file(for output: String) -> String {
        BuildStamp.cacheFile(for: output, suffix: "memory")
    }

    /// The executable and the tables it reads, as their stamps: answers and findings are what they made of the files.
    private static var executable: String { ProgramStamp.current }

    /// A memory holding what the last build into `output` left, or an empty
    /// one when there is none, it was made by another executable, or it is
    /// not sealed with this user's key (read as nothing, never in part).
    package static func restored(for output: String, seal: CacheSeal? = CacheSeal.user()) -> BuildMemory {
        let memory = BuildMemory()
        guard let seal, let sealed = try? FileBytes.read(file(for: output)), let end = seal.open(sealed)
        else { return memory }
        var archive = ArchiveReader(sealed, end: end)
        do {
            guard try archive.text() == header, try archive.text() == executable else { return memory }
            try memory.answers.read(from: &archive)
            try memory.findings.read(from: &archive, answers: memory.answers.answersByFile)
            guard archive.isAtEnd else { return BuildMemory() }
        } catch {
            return BuildMemory()
        }
        return memory
    }

    /// Writes what this memory holds for the next build into `output`,
    /// through a temporary file renamed over the last: never half a memory.
    package func save(for output: String, seal: CacheSeal? = CacheSeal.user()) {
        guard let seal else { return }
        let file = Self.file(for: output)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Written as it is encoded, a few megabytes at a time: a large province's memory is tens of megabytes.
        guard let sealed = seal.file(at: file) else { return }
        var archive = ArchiveWriter(drainingEvery: 4 << 20, into: sealed.write)
        archive.text(Self.header)
        archive.text(Self.executable)
        answers.write(to: &archive)
        findings.write(to: &archive, answers: answers.answersByFile)
        archive.finish()
        sealed.commit()
    }

    /// Removes what a killed build left of a memory it was writing (`<memory>.<pid>.tmp`): it holds
    /// callers' private replies, as the memory does, and nothing would ever read it. Under the build lock.
    package static func removeLeftovers(for output: String) {
        let memory = file(for: output)
        let folder = (memory as NSString).deletingLastPathComponent
        let prefix = (memory as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".tmp") && name.dropFirst(prefix.count).dropLast(4).allSatisfy(\.isNumber) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
