import Foundation
import Glibc

/// The previous output, once swapped out, is not deleted while the build
/// waits: it is moved into a hidden folder beside the output
/// (`.<output>.trash/`) and deleted by a process of its own, which nobody
/// waits for. Whatever such a process leaves (a machine switched off) is
/// deleted the same way by the next build.
extension StagedOutput {
    /// `.<base>.trash` beside `target`.
    static func trashFolder(of target: String) -> String {
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".\(base).trash"
    }

    /// The trash of `target`, made if need be; `nil` when it is not a folder
    /// of the user's own that nobody else may write: a link in its place may
    /// lead to any folder, whose entries would be deleted, and someone else's
    /// folder would get the user's pages.
    static func ownTrash(of target: String) -> String? {
        let trash = trashFolder(of: target)
        guard mkdir(trash, 0o700) == 0 || errno == EEXIST, isOwnFolder(trash) else { return nil }
        return trash
    }

    /// Moves `tree` into the trash and starts its deletion; deletes it here if it cannot be moved or the deleter not started.
    static func discardInBackground(_ tree: String, target: String) {
        guard let trash = ownTrash(of: target) else {
            try? FileManager.default.removeItem(atPath: tree)
            return
        }
        let entry = "\(trash)/\(getpid())-\(UUID().uuidString)"
        guard rename(tree, entry) == 0, startDeleting(entry) else {
            try? FileManager.default.removeItem(atPath: FileManager.default.fileExists(atPath: entry) ? entry : tree)
            return
        }
    }

    /// Starts deleting what an earlier build left in the trash (never through a trash that is not the user's own folder).
    static func emptyTrash(of target: String) {
        let trash = trashFolder(of: target)
        guard isOwnFolder(trash) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: trash)) ?? [] {
            _ = startDeleting("\(trash)/\(name)")
        }
    }

    /// `rm -rf -- path` in the background of a shell that exits at once, so the deletion outlives this process;
    /// at the lowest CPU priority (`nice -n 19`, where there is `nice`): nobody waits for it, so it does not
    /// take the cores from the build or preview that comes next.
    static func startDeleting(_ path: String) -> Bool {
        let command = "(nice -n 19 rm -rf -- \"$1\" || rm -rf -- \"$1\") </dev/null >/dev/null 2>&1 &"
        let arguments = ["/bin/sh", "-c", command, "sh", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
