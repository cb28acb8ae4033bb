import Foundation
import Glibc
import Synchronization

/// What a staged tree replaces or drops (a spare release's page that
/// changed, a folder the new release no longer has) is not deleted while
/// the build runs: each entry is moved, in one rename, into a folder of the
/// trash (``OutputTrash``), which a process of its own deletes once the
/// build is done. Freeing a file's blocks is work the build need not wait
/// for: on ext4 mounted with `discard`, every deletion waited for the disk
/// to discard the blocks, and a template change, which replaces every page
/// of the spare release, spent a quarter of its wall time waiting so.
/// Where there is no trash of the user's own, entries are deleted in place.
package final class SetAsideEntries: Sendable {
    /// `<trash>/<pid>-<uuid>-replaced` (its path; it is reached through the trash's descriptor).
    package let folder: String
    private let name: String
    private let target: String
    private let state = Mutex<State>(.unopened)

    private enum State {
        case unopened
        /// The trash and how many entries were set aside in ``name``.
        case open(OutputTrash, count: Int)
        /// No trash of the user's own (or the folder could not be made), or deleting has started.
        case unusable
    }

    init(target: String) {
        self.target = target
        name = "\(getpid())-\(UUID().uuidString)-replaced"
        folder = "\(StagedOutput.trashFolder(of: target))/\(name)"
    }

    /// Moves the entry `entry` of the folder open at `parent` (a file, or a
    /// folder with everything in it) out of the staged tree; where there is no
    /// trash to move it into, deletes it here (a folder through descriptors, never following a link).
    /// - Returns: whether `entry` is gone from `parent`.
    func remove(_ entry: UnsafePointer<CChar>, in parent: Int32) -> Bool {
        if let (trash, slot) = nextSlot(), trash.take(entry, in: parent, as: "\(name)/\(slot)") { return true }
        if unlinkat(parent, entry, 0) == 0 { return true }
        return errno == EISDIR && StagedOutput.removeTree(entry, in: parent)
    }

    /// Starts deleting what was set aside, in the background; nothing when nothing was, or when started before.
    func startDeleting() {
        let trash = state.withLock { state -> OutputTrash? in
            defer { state = .unusable }
            guard case .open(let trash, _) = state else { return nil }
            return trash
        }
        _ = trash?.startDeleting(name)
    }

    /// The trash and a fresh name in ``folder``, which is made first if need be; `nil` when there is no trash to use.
    private func nextSlot() -> (OutputTrash, Int)? {
        state.withLock { state -> (OutputTrash, Int)? in
            switch state {
            case .unusable:
                return nil
            case .unopened:
                guard let trash = OutputTrash(of: target, make: true), trash.makeFolder(name) else {
                    state = .unusable
                    return nil
                }
                state = .open(trash, count: 1)
                return (trash, 1)
            case .open(let trash, let count):
                state = .open(trash, count: count + 1)
                return (trash, count + 1)
            }
        }
    }
}
