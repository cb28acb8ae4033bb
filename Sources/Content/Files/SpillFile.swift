import Foundation
import Glibc
import Synchronization

/// A file of the build's own, nameless, where it keeps the texts it needs
/// again later but not in between: the answers' sources, once read and
/// moderated, until their pages are rendered and indexed and the build's
/// memory is saved (held in the process, they were 110 MB of the peak of a
/// build of 4x the benchmark province); the HTML and plain text of their
/// renderings, until every site that shows them is written.
///
/// The file is made with `O_TMPFILE` (or made with mode 0600 and unlinked at
/// once where the file system cannot): it has no name, only this process
/// holds it, and it goes when the process does, however it ends. What is
/// read back is what was written: no other user can open it to change it (a
/// process of the same user could, through `/proc/<pid>/fd`, as it could
/// trace the build itself: that user is the one building).
package final class SpillFile: Sendable {
    private let descriptor: Int32
    /// Where the next text goes: texts are written side by side, on every thread at once.
    private let end = Atomic<Int>(0)

    /// A new spill file in `directory`, or `nil` where none can be made there (the texts are then kept in memory).
    package init?(directory: String) {
        // O_TMPFILE is a macro Swift does not import: __O_TMPFILE | O_DIRECTORY, as x86-64 and arm64 define them.
        let tmpFile: Int32 = 0o20_000_000 | O_DIRECTORY
        var descriptor = open(directory, tmpFile | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            var template = Array("\(directory)/\(Self.leftoverPrefix)XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return nil }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// What a spill file made without `O_TMPFILE` is named for the moment before it is unlinked.
    static let leftoverPrefix = ".spill-"

    /// Removes from `directory` the spill files of builds killed between making one and unlinking it
    /// (without `O_TMPFILE`): a build holding one open keeps it, unlinked or not. Nothing is removed
    /// where `directory` is a link: whoever may write beside the output could point it at another folder.
    package static func removeLeftovers(in directory: String) {
        var status = stat()
        guard lstat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(leftoverPrefix) {
            _ = unlink("\(directory)/\(name)")
        }
    }

    /// Writes `bytes` to the file. - Returns: where they start, or `nil` when they could not be written (keep them).
    package func keep(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let offset = end.add(bytes.count, ordering: .relaxed).oldValue
        guard let start = bytes.baseAddress else { return offset }
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, start + written, bytes.count - written, off_t(offset + written))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            written += count
        }
        return offset
    }

    /// The `count` bytes kept at `offset`, read back.
    ///
    /// The file is this process's own and was written before: a read that
    /// fails is a failing disk, and the build stops there rather than render,
    /// index or remember a text it no longer has (rendering, before anything
    /// is put in place; saving the build's memory, perhaps after: the output
    /// is then whole, and the next build checks it as always).
    package func bytes(at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset + filled)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                let reason = read == 0 ? "shorter than written" : String(cString: strerror(errno))
                preconditionFailure("The build stopped: it could not read back its own spill file in .build-cache/ (\(reason)), "
                                    + "so the disk is failing. Check the disk, then build again.")
            }
            filled += read
        }
        return bytes
    }
}
