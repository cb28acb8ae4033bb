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
    func entries(under name: String) -> (files: [String: FileStamp], folders: [Substring]) {
        let prefix = name + "/"
        return (stamps.withLock { $0.filter { $0.key.hasPrefix(prefix) } }, folders.withLock { $0.filter { $0.hasPrefix(prefix) } })
    }
}
