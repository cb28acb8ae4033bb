import Glibc

/// The files being written, as inotify reports them: a save is often several
/// events (a truncation, writes, then the close), and the preview that built
/// on the first would build a half-written file, then again once it is
/// whole. A file modified and not yet closed (nor deleted, nor moved away) is
/// unfinished, for ``wait`` at most from the first such event: a writer
/// that keeps a file open and writing (a log, an editor's swap file) never
/// holds the other changes back longer.
struct UnfinishedWrites {
    /// How long the files are waited for.
    static let wait = Duration.milliseconds(100)

    private var files: Set<String> = []
    /// When the first file of those now unfinished was modified.
    private var since: ContinuousClock.Instant?

    /// Takes one event: its mask and the file it names (`<watch>/<name>`), seen at `now`.
    mutating func note(_ mask: UInt32, file: String, at now: ContinuousClock.Instant = .now) {
        guard mask & UInt32(IN_ISDIR) == 0 else { return }
        if mask & UInt32(IN_MODIFY) != 0 {
            files.insert(file)
            since = since ?? now
        }
        if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { files.remove(file) }
        if files.isEmpty { since = nil }
    }

    /// Whether every file written was closed.
    var isEmpty: Bool { files.isEmpty }

    /// How long to wait for more events, in milliseconds: -1 (for ever) while nothing is unfinished, 0 once the wait is over.
    func timeout(at now: ContinuousClock.Instant = .now) -> Int32 {
        guard let since else { return -1 }
        let left = Self.wait - (now - since)
        guard left > .zero else { return 0 }
        return Int32(left.wholeMilliseconds) + 1
    }

    /// Forgets the files still open: what they hold so far is reported as it is.
    mutating func giveUp() {
        self = UnfinishedWrites()
    }
}
