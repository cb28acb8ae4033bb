import Content
import Foundation
import Glibc

/// The previous output, once swapped out, is not deleted while the build
/// waits: it is moved into a hidden folder beside the output
/// (`.<output>.trash/`, see ``OutputTrash``) and deleted by a process of its
/// own, which nobody waits for. Whatever such a process leaves (a machine
/// switched off) is deleted the same way by the next build.
extension StagedOutput {
    /// `.<base>.trash` beside `target`.
    static func trashFolder(of target: String) -> String {
        let parent = PathText.parent(of: target)
        let base = (target as NSString).lastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".\(base).trash"
    }

    /// Moves `tree` into the trash and starts its deletion; deletes it here if
    /// there is no trash of the user's own, or it cannot be moved or the deleter not started.
    static func discardInBackground(_ tree: String, target: String) {
        guard let trash = OutputTrash(of: target, make: true) else {
            try? FileManager.default.removeItem(atPath: tree)
            return
        }
        let entry = "\(getpid())-\(UUID().uuidString)"
        guard trash.take(tree, in: AT_FDCWD, as: entry) else {
            try? FileManager.default.removeItem(atPath: tree)
            return
        }
        if !trash.startDeleting(entry) { try? FileManager.default.removeItem(atPath: trash.path(of: entry)) }
    }

    /// Starts deleting what an earlier build left in the trash (never through a trash that is not the user's own folder).
    static func emptyTrash(of target: String) {
        guard let trash = OutputTrash(of: target, make: false) else { return }
        for name in trash.entries() {
            _ = trash.startDeleting(name)
        }
    }
}
