import Glibc

/// The files being written, as inotify reports them: a save is often several
/// events (a truncation, writes, then the close), and the preview that built
/// on the first would build a half-written file, then again once it is
/// whole. A file modified and not yet closed (nor deleted, nor moved away) is unfinished.
struct UnfinishedWrites {
    private var files: Set<String> = []

    /// Takes one event: its mask and the file it names (`<watch>/<name>`).
    mutating func note(_ mask: UInt32, file: String) {
        guard mask & UInt32(IN_ISDIR) == 0 else { return }
        if mask & UInt32(IN_MODIFY) != 0 { files.insert(file) }
        if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { files.remove(file) }
    }

    /// Whether every file written was closed.
    var isEmpty: Bool { files.isEmpty }
}
