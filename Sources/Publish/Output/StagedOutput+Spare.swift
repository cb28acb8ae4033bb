import Content
import Foundation
import Glibc

/// A site folder swapped out of the output is not deleted: it waits in
/// `.<output>.spare/<domain>` beside the output, and the next build that
/// makes the site stages its new release in it. Its folders are there
/// already; a file whose bytes are the live site's is the live file's very
/// inode (a hard link) and stays; only what changed is set aside and written
/// anew, and what the new release no longer has is set aside (see
/// ``SetAsideEntries``: deleted in the background once the build is done).
/// So a rebuild of a site makes no folder and deletes nothing while it runs:
/// on ext4, creating folders and files right after a mass deletion is
/// several times slower, and each deletion may wait for the disk.
///
/// The spare is never served, and never trusted. It is taken only when it
/// and every folder kept in it are the user's own and writable by nobody
/// else; before a build writes into it, every entry that is not a folder or
/// a regular file, or whose name (compared byte for byte) the new release
/// does not hold, is removed, and a spare where anything cannot be removed
/// is not taken; no file is written into an inode a live page shares or
/// someone has open (see ``rewriteInPlace(_:at:)``); a file is kept only as
/// the live file's very inode holding the very bytes the build made, or as
/// the spare's own file the build wrote. Deleting it is always safe: the next build then
/// makes the site's folders anew.
extension StagedOutput {
    /// `.<base>.spare` beside `target`.
    static func spareFolder(of target: String) -> String {
        let parent = PathText.parent(of: target)
        let base = (target as NSString).lastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".\(base).spare"
    }

    /// Moves the spare release of each site of `names` into the staged tree,
    /// trimmed to `files` and `folders` (paths relative to the staged tree).
    /// - Returns: the folders of `folders` that are there now (they need not be made).
    func recycleSpares(_ names: Set<String>, files: Set<Substring>, folders: Set<Substring>) -> Set<Substring> {
        let spare = Self.spareFolder(of: target)
        // A link in its place may lead to anyone's folder, a folder of someone else's may hold what they put there.
        guard Self.besideOnlyTheUsers(target), Self.isOwnFolder(spare) else { return [] }
        let wantedFiles = Set(files.map { Array($0.utf8) })
        let wantedFolders = Set(folders.map { Array($0.utf8) })
        var present = Set<[UInt8]>()
        for name in names.sorted() where Self.isOwnFolder("\(spare)/\(name)") {
            let folder = open("\(spare)/\(name)", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { continue }
            var kept: [[UInt8]] = []
            guard Self.trim(folder, path: Array(name.utf8), files: wantedFiles, folders: wantedFolders, kept: &kept, setAside: setAside),
                rename("\(spare)/\(name)", "\(staging)/\(name)") == 0
            else { continue }
            present.insert(Array(name.utf8))
            present.formUnion(kept)
        }
        return folders.filter { present.contains(Array($0.utf8)) }
    }

    /// Keeps each swapped-out site folder of `tree` (named in ``spares``) as
    /// that site's spare; after a build of every site (`everySite`), the
    /// spares of sites no longer made (a closed city's) go.
    func keepSpares(from tree: String, everySite: Bool) {
        guard !spares.isEmpty else { return }
        let spare = Self.spareFolder(of: target)
        guard Self.besideOnlyTheUsers(target), mkdir(spare, 0o700) == 0 || errno == EEXIST, Self.isOwnFolder(spare) else { return }
        for name in spares.sorted() where FileStamp(path: "\(tree)/\(name)")?.isFolder == true {
            // A spare left by a build that failed after taking it out, or not taken, is replaced.
            if FileStamp(path: "\(spare)/\(name)") != nil {
                Self.discardInBackground("\(spare)/\(name)", target: target)
            }
            _ = rename("\(tree)/\(name)", "\(spare)/\(name)")
        }
        guard everySite else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: spare)) ?? [] where !spares.contains(name) {
            Self.discardInBackground("\(spare)/\(name)", target: target)
        }
    }

    /// Whether nobody but the user (or root) may rename, remove or put entries
    /// in the folder that holds `target`, nor in any folder above it: each is
    /// the user's or root's, and nobody else may write in it, or only an
    /// entry's owner may rename it (sticky, as `/tmp`). Where someone else may
    /// (a project folder shared with a group), they could put a link in place
    /// of the spare, the trash or a folder in them between the build's check
    /// and its use, and lead the build's moves and deletions into any folder
    /// of the user's: the build then keeps no spare release and no trash, and
    /// deletes what it swaps out at once.
    static func besideOnlyTheUsers(_ target: String) -> Bool {
        var folder = PathText.parent(of: target)
        if !folder.hasPrefix("/") { folder = FileManager.default.currentDirectoryPath + (folder.isEmpty ? "" : "/" + folder) }
        while true {
            var status = stat()
            guard stat(folder, &status) == 0, status.st_uid == geteuid() || status.st_uid == 0,
                status.st_mode & 0o022 == 0 || status.st_mode & S_ISVTX != 0
            else { return false }
            if folder == "/" || folder.isEmpty { return true }
            folder = PathText.parent(of: folder)
        }
    }

    /// Whether `path` is a folder (not a link to one) of this user's, which nobody else may write in.
    private static func isOwnFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR && isOwn(status)
    }

    /// Whether what `status` describes is this user's, and nobody else may write it.
    static func isOwn(_ status: stat) -> Bool {
        status.st_uid == geteuid() && status.st_mode & 0o022 == 0
    }

    /// Removes from the folder open at `folder` (`path` in the staged tree;
    /// the descriptor is taken) every entry but the wanted folders and
    /// regular files, names compared byte for byte: each is set aside, a folder in one step.
    /// - Parameter kept: gets the wanted folders found.
    /// - Returns: false when an entry could not be examined or removed, or a wanted folder is not the user's own.
    private static func trim(_ folder: Int32, path: [UInt8], files: Set<[UInt8]>, folders: Set<[UInt8]>, kept: inout [[UInt8]],
                             setAside: SetAsideEntries) -> Bool {
        guard let stream = fdopendir(folder) else {
            close(folder)
            return false
        }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        for name in entries(of: stream) {
            let entry = path + [UInt8(ascii: "/")] + name
            let done = withCString(name) { name -> Bool in
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                switch status.st_mode & S_IFMT {
                case S_IFDIR where folders.contains(entry):
                    guard isOwn(status) else { return false }
                    kept.append(entry)
                    let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    return child >= 0 && trim(child, path: entry, files: files, folders: folders, kept: &kept, setAside: setAside)
                case S_IFREG where files.contains(entry):
                    // Kept only if it turns out to be the live page's inode with the very bytes made (see `write`).
                    return true
                default:
                    return setAside.remove(name, in: descriptor)
                }
            }
            guard done else { return false }
        }
        return true
    }

    /// Removes the folder `name` of the folder open at `parent`, and everything in it, never following a link.
    static func removeTree(_ name: UnsafePointer<CChar>, in parent: Int32) -> Bool {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0, let stream = fdopendir(folder) else {
            if folder >= 0 { close(folder) }
            return false
        }
        let descriptor = dirfd(stream)
        var removed = true
        for entry in entries(of: stream) where removed {
            removed = withCString(entry) { entry in
                var status = stat()
                guard fstatat(descriptor, entry, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                return (status.st_mode & S_IFMT) == S_IFDIR ? removeTree(entry, in: descriptor) : unlinkat(descriptor, entry, 0) == 0
            }
        }
        closedir(stream)
        return removed && unlinkat(parent, name, AT_REMOVEDIR) == 0
    }

    /// The names in a folder, as the bytes they are (not every name is UTF-8), but `.` and `..`.
    private static func entries(of stream: OpaquePointer) -> [[UInt8]] {
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = DirectoryEntry.nameBytes(entry)
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
