import Foundation
import Glibc

/// One build at a time into an output folder: `.build-cache/<output>.lock`
/// beside it, locked with `flock` from before the inputs are stamped until
/// the build's records are written. Two builds that overlapped could each
/// put in place a site the other had stamped from other inputs, and record
/// it as current. The lock goes with the process, however it ends.
package final class BuildLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of `output`, waiting for another build to finish
    /// (after calling `waiting`, once, if it has to). `nil` when the lock
    /// file cannot be made: the build then runs as before, without one.
    package static func take(for output: String, waiting: () -> Void = {}) -> BuildLock? {
        let file = BuildStamp.file(for: output).replacingOccurrences(of: ".stamp.json", with: ".lock", options: .backwards)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        return BuildLock(descriptor: descriptor)
    }

    /// Whether another build holds the lock of `output` now.
    package static func isHeld(for output: String) -> Bool {
        let file = BuildStamp.file(for: output).replacingOccurrences(of: ".stamp.json", with: ".lock", options: .backwards)
        let descriptor = open(file, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0
    }
}
