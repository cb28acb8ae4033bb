import Foundation
import Glibc
import Synchronization

/// What a staged tree replaces or drops (a spare release's page that
/// changed, a folder the new release no longer has) is not deleted while
/// the build runs: each entry is moved, in one rename, into a folder of the
/// trash (``StagedOutput/ownTrash(of:)``), which a process of its own
/// deletes once the build is done (see ``StagedOutput/startDeleting(_:)``).
/// Freeing a file's blocks is work the build need not wait for: on ext4
/// mounted with `discard`, every deletion waited for the disk to discard
/// the blocks, and a template change, which replaces every page of the
/// spare release, spent a quarter of its wall time waiting so.
package final class SetAsideEntries: Sendable {
    /// `<trash>/<pid>-<uuid>-replaced`; made when the first entry is set aside.
    package let folder: String
    /// The output whose trash ``folder`` is in.
    private let target: String
    /// How many entries were set aside; `nil` until the folder is made.
    private let count = Mutex<Int?>(nil)

    init(target: String) {
        self.target = target
        folder = "\(StagedOutput.trashFolder(of: target))/\(getpid())-\(UUID().uuidString)-replaced"
    }

    /// Moves the entry `name` of the folder open at `parent` (a file, or a
    /// folder with everything in it) out of the staged tree; where it cannot
    /// be moved (the trash on another file system, or not the user's own folder), a file is removed here.
    /// - Returns: whether `name` is gone from `parent`.
    func remove(_ name: UnsafePointer<CChar>, in parent: Int32) -> Bool {
        if let slot = nextSlot(), renameat(parent, name, AT_FDCWD, "\(folder)/\(slot)") == 0 { return true }
        return unlinkat(parent, name, 0) == 0
    }

    /// Starts deleting what was set aside, in the background; nothing when nothing was, or when started before.
    func startDeleting() {
        guard count.withLock({ count in
            defer { count = nil }
            return count != nil
        }) else { return }
        _ = StagedOutput.startDeleting(folder)
    }

    /// A fresh name in ``folder``, which is made first if need be; `nil` when it cannot be made.
    private func nextSlot() -> Int? {
        count.withLock { count -> Int? in
            if count == nil {
                guard StagedOutput.ownTrash(of: target) != nil, mkdir(folder, 0o700) == 0 else { return nil }
                count = 0
            }
            count! += 1
            return count
        }
    }
}
