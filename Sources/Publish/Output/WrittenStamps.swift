import Content
import Synchronization

/// The stamp of every file a staged tree was given, as it was when written,
/// and the folders made for them: a site folder's fingerprint
/// (``BuildStamp/contents(of:)``) without walking it again.
final class WrittenStamps: Sendable {
    private let stamps = Mutex<[String: FileStamp]>([:])
    private let folders = Mutex<Set<Substring>>([])

    func add(_ stamp: FileStamp, for path: String) {
        stamps.withLock { $0[path] = stamp }
    }

    func add(folders made: Set<Substring>) {
        folders.withLock { $0.formUnion(made) }
    }

    /// The files and folders under the top-level entry `name`, by path relative to the staged tree.
    /// - Parameter removing: whether they are then forgotten.
    func entries(under name: String, removing: Bool = false) -> (files: [String: FileStamp], folders: [Substring]) {
        let prefix = name + "/"
        let files = stamps.withLock { stamps in
            let under = stamps.filter { $0.key.hasPrefix(prefix) }
            if removing { stamps = stamps.filter { !$0.key.hasPrefix(prefix) } }
            return under
        }
        let folders = folders.withLock { folders in
            let under = Array(folders.filter { $0.hasPrefix(prefix) })
            if removing { folders.subtract(under) }
            return under
        }
        return (files, folders)
    }
}
