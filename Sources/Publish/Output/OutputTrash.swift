import CExchange
import Foundation
import Glibc

/// `.<output>.trash` beside an output, where what a build swaps out or
/// replaces waits to be deleted by a process of its own. It is held open by
/// descriptor, and used only when that descriptor is a folder (not a link)
/// of the user's that nobody else may write: every move into it and every
/// deletion in it goes through the descriptor, never through its path, so a
/// link put in its place once it is checked (by someone who may write beside
/// the output) leads nothing elsewhere: not the user's pages into their
/// folder, and no deletion into a folder of the user's.
package final class OutputTrash: Sendable {
    private let descriptor: Int32

    /// Opens the trash of `target`, made first when `make`; `nil` when it is
    /// not there, or not a folder of the user's own that nobody else may write,
    /// or when others may change what is beside the output (see ``StagedOutput/besideOnlyTheUsers(_:)``).
    package init?(of target: String, make: Bool) {
        guard StagedOutput.besideOnlyTheUsers(target) else { return nil }
        let path = StagedOutput.trashFolder(of: target)
        if make { _ = mkdir(path, 0o700) }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, StagedOutput.isOwn(status) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Where `entry` of the trash is, as a path that leads through the descriptor.
    func path(of entry: String) -> String {
        "/proc/self/fd/\(descriptor)/\(entry)"
    }

    /// Makes the folder `entry` in the trash.
    func makeFolder(_ entry: String) -> Bool {
        mkdirat(descriptor, entry, 0o700) == 0
    }

    /// Moves `name` of the folder open at `parent` (`AT_FDCWD`: a path) into the trash, as `entry`.
    func take(_ name: UnsafePointer<CChar>, in parent: Int32, as entry: String) -> Bool {
        renameat(parent, name, descriptor, entry) == 0
    }

    /// The names in the trash.
    func entries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path(of: ""))) ?? []
    }

    /// `rm -rf -- entry`, run in the trash, in the background of a shell that
    /// exits at once, so the deletion outlives this process; at the lowest CPU
    /// priority (`nice -n 19`, where there is `nice`): nobody waits for it, so
    /// it does not take the cores from the build or preview that comes next.
    func startDeleting(_ entry: String) -> Bool {
        let command = "(nice -n 19 rm -rf -- \"$1\" || rm -rf -- \"$1\") </dev/null >/dev/null 2>&1 &"
        let arguments = ["/bin/sh", "-c", command, "sh", "./" + entry]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let pid = portal_spawn_in(descriptor, "/bin/sh", &argv)
        guard pid > 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
