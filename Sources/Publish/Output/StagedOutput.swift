import CExchange
import Content
import Crypto
import Foundation
import Glibc

/// An output folder written beside the real one and swapped in only when
/// complete, so a failed or interrupted build never leaves a half-written
/// site: readers see the old tree or the new one (``commit()``), or, when a
/// build makes only some sites (``commitEntries(last:keeping:)``), each
/// site's old folder or its new one; a build killed between two sites leaves
/// some sites old and some new, each whole.
package struct StagedOutput {
    let target: String
    let staging: String
    /// The entries (site folders) staged in their spare release and kept as the next one's when swapped out.
    let spares: Set<String>
    /// What was written, to fingerprint a site folder without walking it (``contents(of:)``).
    private let written = WrittenStamps()
    /// Where what the staged tree replaces or drops goes, deleted once the build is done.
    package let setAside: SetAsideEntries
    /// Whether there was an output to link unchanged files from: a build into a new folder does not look
    /// for a live file of each of the province's 28,000 (a path lookup each, which fails).
    private let hasLiveFiles: Bool

    /// - Parameter spares: the entries (site folders) each staged in the release
    ///   the build before the last left, where there is one, and kept to stage the next
    ///   (see ``recycleSpares(_:files:folders:)``).
    /// - Throws: ``OutputRefusal`` when `target` is not a previous build's
    ///   output (see ``OutputFolder/checkOwnership(of:)``), ``OutputError`` when the staging folder cannot be made.
    package init(target: String, spares: Set<String> = []) throws {
        let target = (target as NSString).standardizingPath
        try OutputFolder.checkOwnership(of: target)
        self.target = target
        self.spares = spares
        hasLiveFiles = FileStamp(following: target)?.isFolder == true
        setAside = SetAsideEntries(target: target)
        staging = "\(target)\(Self.stagingInfix)\(ProcessInfo.processInfo.processIdentifier)"
        Self.removeAbandonedSiblings(of: target)
        Self.emptyTrash(of: target)
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try Data(OutputFolder.markerText.utf8).write(to: URL(fileURLWithPath: "\(staging)/\(OutputFolder.marker)"))
        } catch {
            throw OutputError(path: staging, reason: error.localizedDescription)
        }
    }

    /// Creates every folder the files need, before the files are written in
    /// parallel, in the spare release of each site where there is one (see
    /// ``recycleSpares(_:files:folders:)``): then only the folders it lacks.
    package func prepareFolders(for paths: [String]) throws(OutputError) {
        var folders = Set<Substring>()
        for path in paths {
            // Every ancestor, so that sorted order creates parents before children.
            var end = path.lastIndex(of: "/")
            while let slash = end, folders.insert(path[..<slash]).inserted {
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        let top = Set(folders.filter { !$0.contains("/") }.map(String.init))
        written.add(folders: folders)
        folders.subtract(recycleSpares(spares.intersection(top), files: Set(paths.map { $0[...] }), folders: folders))
        // Level by level (parents first), each level on all cores: creating 20,000 folders one after
        // another took a sixth of a province build.
        let levels = Dictionary(grouping: folders) { $0.utf8.count { $0 == UInt8(ascii: "/") } }
        for level in levels.keys.sorted() {
            let failures = levels[level]!.sorted().concurrentMapInRuns { folder -> OutputError? in
                let full = "\(staging)/\(folder)"
                guard mkdir(full, 0o755) != 0 && errno != EEXIST else { return nil }
                return OutputError(path: full, reason: String(cString: strerror(errno)))
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
    }

    /// Writes one file of the staged tree. A file whose bytes equal those of
    /// the current output is hard-linked instead (or left, where the spare
    /// release holds that very inode): a rebuild then allocates no inode for
    /// what did not change (file systems make that slow after mass
    /// deletions). A changed page is written into the spare release's file
    /// only when that file is the spare's alone and nobody has it open (see
    /// ``rewriteInPlace(_:at:)``); never into an inode of the live tree, which
    /// cannot change under readers. A live file is linked only when it is
    /// a regular file of the user's that nobody else may write, linked by the
    /// descriptor it was read through (a link anywhere on its path leads to no other inode).
    package func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let full = "\(staging)/\(path)"
        if hasLiveFiles, let live = linkLiveFile("\(target)/\(path)", to: full, size: bytes.count, matching: { Self.holds($0, bytes) }) {
            written.add(live, for: path)
            return
        }
        var descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST {
            if let rewritten = Self.rewriteInPlace(bytes, at: full) {
                written.add(rewritten, for: path)
                return
            }
            // A file of the spare release that a live page or a reader shares: replaced, never written into.
            if setAside.remove(full, in: AT_FDCWD) {
                descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            }
        }
        guard descriptor >= 0 else { throw OutputError(path: full, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard WholeWrite.write(bytes[...], to: descriptor), fstat(descriptor, &status) == 0 else {
            throw OutputError(path: full, reason: String(cString: strerror(errno)))
        }
        written.add(FileStamp(status), for: path)
    }

    /// The fingerprint ``BuildStamp/contents(of:)`` will find for the staged
    /// entry `name` once it is in place (moving it changes nothing inside),
    /// from the stamps of what was written into it and of its folders, taken
    /// now: nothing is walked. `nil` when a folder cannot be examined.
    /// - Parameter givingUp: whether the stamps of `name` are then given up (nothing more is written into it).
    package func contents(of name: String, givingUp: Bool = false) -> String? {
        let (files, folders) = written.entries(under: name, removing: givingUp)
        var stamps: [String: FileStamp] = [:]
        for (path, stamp) in files { stamps["\(staging)/\(path)"] = stamp }
        for folder in folders {
            guard let stamp = FileStamp(path: "\(staging)/\(folder)") else { return nil }
            stamps["\(staging)/\(folder)"] = stamp
        }
        return BuildStamp.fingerprint(BuildStamp.contentsHeader, of: stamps, relativeTo: "\(staging)/\(name)", statusChange: false)
    }

    /// Puts the file of the current output at `path` in the staged tree when
    /// it holds `size` bytes of SHA-256 `sha256`, as ``write(_:to:)`` would
    /// for those bytes: a page rendered by an earlier build from the same
    /// values is kept without rendering it again.
    /// - Returns: whether it is there now; if not, the caller writes the file.
    package func keep(_ path: String, sha256: String, size: Int) -> Bool {
        guard let live = linkLiveFile("\(target)/\(path)", to: "\(staging)/\(path)", size: size, matching: { descriptor in
            Self.contents(of: descriptor, size: size).map(SHA256.hex) == sha256
        }) else { return false }
        written.add(live, for: path)
        return true
    }

    /// Puts the live file at `live` at `staged` when it is `size` bytes long
    /// and `matching` finds its contents right (left as it is where `staged` already is that inode).
    /// - Returns: its stamp, if it is there.
    private func linkLiveFile(_ live: String, to staged: String, size: Int, matching: (Int32) -> Bool) -> FileStamp? {
        let descriptor = open(live, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Self.isOwn(status),
            Int(status.st_size) == size, matching(descriptor)
        else { return nil }
        var existing = stat()
        if lstat(staged, &existing) == 0 {
            if existing.st_ino == status.st_ino && existing.st_dev == status.st_dev { return FileStamp(status) }
            guard setAside.remove(staged, in: AT_FDCWD) else { return nil }
        }
        // The inode read, whatever its path leads to now.
        guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, staged, AT_SYMLINK_FOLLOW) == 0 else { return nil }
        return FileStamp(status)
    }

    /// Whether the file open at `descriptor` holds exactly `bytes`.
    private static func holds(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        guard let existing = contents(of: descriptor, size: bytes.count) else { return false }
        // memcmp: an element-by-element comparison took 6% of a province build.
        return bytes.isEmpty || existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
        }
    }

    /// The `size` bytes of the file open at `descriptor`, or `nil` when it holds more or fewer.
    private static func contents(of descriptor: Int32, size: Int) -> ArraySlice<UInt8>? {
        // One byte more than expected: a file that grew since fstat does not compare equal.
        var existing = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < existing.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == size ? existing[..<size] : nil
    }

    /// Puts the staged tree in place of the target in one step; the old tree is deleted in the background.
    package func commit() throws(OutputError) {
        defer { setAside.startDeleting() }
        if FileManager.default.fileExists(atPath: target) {
            let previous = try Self.replace(target, with: staging, aside: "\(target)\(Self.oldInfix)\(ProcessInfo.processInfo.processIdentifier)")
            keepSpares(from: previous, everySite: true)
            Self.discardInBackground(previous, target: target)
        } else {
            guard rename(staging, target) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
        }
    }

    /// Puts `new` in place of the existing `old`: exchanged in one step, or
    /// where the file system cannot, by two renames (a moment without it).
    /// - Returns: where the old entry is now (`new`, or `aside`).
    private static func replace(_ old: String, with new: String, aside: String) throws(OutputError) -> String {
        if portal_exchange_paths(new, old) == 0 { return new }
        guard rename(old, aside) == 0 else { throw OutputError(path: old, reason: String(cString: strerror(errno))) }
        guard rename(new, old) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, old)
            throw OutputError(path: old, reason: reason)
        }
        return aside
    }

    /// Puts each entry of the staged tree (a site's folder, a report) in place
    /// of the entry of the same name in the target, one atomic exchange each,
    /// the names in `last` last; every other entry of the target (the sites of
    /// cities this build did not make) stays as it is, untouched. So a
    /// `--city` build costs that city, not the province. Readers of a site
    /// see all of its old folder or all of its new one. The entries swapped out are deleted in the background.
    /// - Parameter keeping: for a build of every site, the entries of the
    ///   target it keeps as they are (the sites it found unchanged): every
    ///   other entry the staged tree does not hold (a closed city's site) is
    ///   then removed, after the swaps. `nil` keeps every other entry.
    package func commitEntries(last: Set<String>, keeping: Set<String>? = nil) throws(OutputError) {
        guard FileManager.default.fileExists(atPath: target) else { return try commit() }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []).filter { $0 != OutputFolder.marker }
        let ordered = names.filter { !last.contains($0) }.sorted() + names.filter(last.contains).sorted()
        var done: [(name: String, replaced: Bool)] = []
        do {
            for name in ordered {
                Failpoint.buildPutEntry.reach()
                done.append((name, try put("\(staging)/\(name)", in: "\(target)/\(name)")))
            }
        } catch {
            // Each entry already swapped goes back: the target is as it was before this build.
            for (name, replaced) in done.reversed() {
                let new = "\(staging)/\(name)"
                let old = "\(target)/\(name)"
                if replaced { _ = try? put(new, in: old) } else { _ = rename(old, new) }
            }
            throw error
        }
        if let keeping {
            // What this build neither made nor kept goes out with the entries swapped out.
            let staged = Set(names).union(keeping).union([OutputFolder.marker])
            for name in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] where !staged.contains(name) {
                _ = rename("\(target)/\(name)", "\(staging)/\(name)")
            }
        }
        // Now holds the entries swapped out.
        keepSpares(from: staging, everySite: keeping != nil)
        Self.discardInBackground(staging, target: target)
        setAside.startDeleting()
    }

    /// Puts `new` at `old`: exchanged with what is there (which `new` then
    /// names), or renamed when nothing is. - Returns: whether something was replaced.
    private func put(_ new: String, in old: String) throws(OutputError) -> Bool {
        var status = stat()
        if lstat(old, &status) != 0 {
            guard rename(new, old) == 0 else { throw OutputError(path: old, reason: String(cString: strerror(errno))) }
            return false
        }
        let previous = try Self.replace(old, with: new, aside: "\(new)\(Self.oldInfix)")
        guard previous == new || rename(previous, new) == 0 else { throw OutputError(path: new, reason: String(cString: strerror(errno))) }
        return true
    }

    /// Removes the staged tree after a failure; the target was never touched.
    /// Moved into the trash in one step first: a removal killed part-way could
    /// take the marker and leave the rest, which no later build would then remove.
    package func discard() {
        Self.discardInBackground(staging, target: target)
        setAside.startDeleting()
    }
}
