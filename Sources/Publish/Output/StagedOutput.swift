import CExchange
import Content
import Foundation
import Glibc

/// An output folder written beside the real one and swapped in only when
/// complete, so a failed or interrupted build never leaves a half-written
/// `dist/`: readers see the old tree or the new one, nothing in between.
package struct StagedOutput {
    let target: String
    let staging: String

    /// - Throws: ``OutputRefusal`` when `target` is not a previous build's
    ///   output (see ``OutputFolder/checkOwnership(of:)``), ``OutputError`` when the staging folder cannot be made.
    package init(target: String) throws {
        let target = (target as NSString).standardizingPath
        try OutputFolder.checkOwnership(of: target)
        self.target = target
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

    /// Creates every folder the files need, before the files are written in parallel.
    package func prepareFolders(for paths: [String]) throws(OutputError) {
        var folders = Set<Substring>()
        for path in paths {
            // Every ancestor, so that sorted order creates parents before children.
            var end = path.lastIndex(of: "/")
            while let slash = end, folders.insert(path[..<slash]).inserted {
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        for folder in folders.sorted() {
            let full = "\(staging)/\(folder)"
            if mkdir(full, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: full, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Writes one file of the staged tree. A file whose bytes equal those of
    /// the current output is hard-linked instead: a rebuild then allocates no
    /// inode for what did not change (file systems make that slow after mass
    /// deletions). Nothing is ever written into an existing inode, so the live
    /// tree cannot change under readers.
    package func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let full = "\(staging)/\(path)"
        let previous = "\(target)/\(path)"
        if Self.hasSameBytes(previous, bytes), link(previous, full) == 0 { return }
        let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: full, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: full, reason: String(cString: strerror(errno)))
            }
            written += result
        }
    }

    private static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        guard !bytes.isEmpty else { return existing.isEmpty }
        // memcmp: Data's element-by-element iterator took 6% of a province build.
        return existing.count == bytes.count && existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
        }
    }

    /// Carries the top-level entries of the current output that this build does
    /// not produce (other cities, in a `--city` build) into the staged tree, so
    /// the swap keeps them: folders made anew, files hard-linked (copied where
    /// the file system cannot link), so that a one-city build costs one city.
    package func carryOver(except produced: Set<String>) throws(OutputError) {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        for name in existing.sorted() where !produced.contains(name) && name != OutputFolder.marker {
            try carry("\(target)/\(name)", to: "\(staging)/\(name)")
        }
    }

    private func carry(_ source: String, to destination: String) throws(OutputError) {
        var status = stat()
        guard lstat(source, &status) == 0 else { throw OutputError(path: source, reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            guard mkdir(destination, 0o755) == 0 || errno == EEXIST else {
                throw OutputError(path: destination, reason: String(cString: strerror(errno)))
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
            for name in names { try carry("\(source)/\(name)", to: "\(destination)/\(name)") }
        case S_IFREG:
            if link(source, destination) == 0 { return }
            do {
                try FileManager.default.copyItem(atPath: source, toPath: destination)
            } catch {
                throw OutputError(path: source, reason: error.localizedDescription)
            }
        default:
            // Builds write folders and files only: anything else in the output was not ours and is not carried.
            return
        }
    }

    /// Puts the staged tree in place of the target in one step; the old tree is deleted in the background.
    package func commit() throws(OutputError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: target) {
            if portal_exchange_paths(staging, target) != 0 {
                // File systems without RENAME_EXCHANGE: two renames, a moment without the folder.
                let old = "\(target)\(Self.oldInfix)\(ProcessInfo.processInfo.processIdentifier)"
                guard rename(target, old) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
                guard rename(staging, target) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(old, target)
                    throw OutputError(path: target, reason: reason)
                }
                Self.discardInBackground(old, target: target)
                return
            }
            Self.discardInBackground(staging, target: target)  // now holds the previous output
        } else {
            guard rename(staging, target) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
        }
    }

    /// Removes the staged tree after a failure; the target was never touched.
    package func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
