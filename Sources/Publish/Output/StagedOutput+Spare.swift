import Content
import Foundation
import Glibc

/// A site folder swapped out of the output is not deleted: it waits in
/// `.<output>.spare/<domain>` beside the output, and the next build that
/// makes the site stages its new release in it. Its folders are there
/// already; a file whose bytes are the live site's is the live file's very
/// inode (a hard link) and stays; only what changed is unlinked and written
/// anew, and what the new release no longer has is removed. So a rebuild of a
/// site makes no folder and deletes no tree: on ext4, creating folders and
/// files right after a mass deletion is several times slower.
///
/// The spare is never served, and never trusted: before a build writes into
/// it, everything in it that is not a folder or a regular file (a link, a
/// device), and everything the new release does not hold, is removed; no
/// file is ever written into an existing inode (it may be a live page's);
/// and a file is kept only as the live file's inode with the very bytes the
/// build made. Deleting it is always safe: the next build then makes the site's folders anew.
extension StagedOutput {
    /// `.<base>.spare` beside `target`.
    static func spareFolder(of target: String) -> String {
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".\(base).spare"
    }

    /// Moves the spare release of each site of `names` into the staged tree
    /// and trims it to `files` and `folders` (paths relative to the staged tree).
    /// - Returns: the folders of `folders` that are there now (they need not be made).
    func recycleSpares(_ names: Set<String>, files: Set<Substring>, folders: Set<Substring>) -> Set<Substring> {
        let spare = Self.spareFolder(of: target)
        // A link in its place may lead to anyone's folder: nothing is taken through it.
        guard FileStamp(path: spare)?.isFolder == true else { return [] }
        let recycled = names.sorted().filter { name in
            FileStamp(path: "\(spare)/\(name)")?.isFolder == true && rename("\(spare)/\(name)", "\(staging)/\(name)") == 0
        }
        var present = Set<Substring>()
        for name in recycled {
            let root = "\(staging)/\(name)"
            present.insert(name[...])
            var removed: [String] = []
            // Parents sort before their children: a folder removed whole takes what is below it.
            for (path, stamp) in FolderSignature(folders: [root]).signature().sorted(by: { $0.key < $1.key }) {
                if let last = removed.last, path.hasPrefix(last + "/") { continue }
                let relative = path.dropFirst(staging.count + 1)
                if stamp.isFolder, folders.contains(relative) {
                    present.insert(relative)
                    continue
                }
                if stamp.isFile, files.contains(relative) { continue }
                if stamp.isFolder {
                    try? FileManager.default.removeItem(atPath: path)
                    removed.append(path)
                } else {
                    unlink(path)
                }
            }
        }
        // (A wanted folder's parents are wanted too: none of them was removed.)
        return present
    }

    /// Keeps each swapped-out site folder of `tree` (named in ``spares``) as that site's spare.
    func keepSpares(from tree: String) {
        guard !spares.isEmpty else { return }
        let spare = Self.spareFolder(of: target)
        guard mkdir(spare, 0o700) == 0 || errno == EEXIST, FileStamp(path: spare)?.isFolder == true else { return }
        for name in spares.sorted() where FileStamp(path: "\(tree)/\(name)")?.isFolder == true {
            // A spare left by a build that failed after taking it out is replaced.
            if FileStamp(path: "\(spare)/\(name)") != nil {
                Self.discardInBackground("\(spare)/\(name)", target: target)
            }
            _ = rename("\(tree)/\(name)", "\(spare)/\(name)")
        }
    }
}
