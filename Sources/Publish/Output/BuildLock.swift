import Content
import Foundation
import Glibc

/// One build at a time into an output folder: `.build-cache/<output>.lock`
/// beside it, locked with `flock` from before the inputs are stamped until
/// the build's records are written. Two builds that overlapped could each
/// put in place a site the other had stamped from other inputs, and record
/// it as current. The lock goes with the process, however it ends.
package final class BuildLock: Sendable {
    private let descriptor: Int32
    private let file: String

    private init(descriptor: Int32, file: String) {
        self.descriptor = descriptor
        self.file = file
    }

    /// Whether the file locked is still the lock file of the output: `.build-cache` removed (or the lock
    /// file replaced) while the build ran lets a second build take a new lock and run at the same time.
    package var isStillHeld: Bool {
        var held = stat()
        var named = stat()
        return fstat(descriptor, &held) == 0 && stat(file, &named) == 0 && held.st_dev == named.st_dev && held.st_ino == named.st_ino
    }

    deinit { close(descriptor) }

    /// Takes the lock of `output`, waiting for another build to finish
    /// (after calling `waiting`, once, if it has to). `nil` when the lock
    /// file cannot be made (`build` then refuses to run: ``file(for:)``).
    package static func take(for output: String, waiting: () -> Void = {}) -> BuildLock? {
        let file = lockFile(for: output)
        try? FileManager.default.createDirectory(atPath: PathText.parent(of: file), withIntermediateDirectories: true)
        // Never through a link put in its place: one to a missing file would make that file.
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
            guard result == 0 else {
                close(descriptor)
                return nil
            }
        }
        return BuildLock(descriptor: descriptor, file: file)
    }

    /// Whether another build holds the lock of `output` now.
    package static func isHeld(for output: String) -> Bool {
        let descriptor = open(lockFile(for: output), O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0
    }

    /// The lock file of `output`, for messages.
    package static func file(for output: String) -> String {
        lockFile(for: output)
    }

    /// By the output folder's real path: `--output out`, where `out` is a link to `dist`, takes `dist`'s lock.
    private static func lockFile(for output: String) -> String {
        BuildStamp.cacheFile(for: RealPath.of(output), suffix: "lock")
    }
}
