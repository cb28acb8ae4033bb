/// When the watched folders have been quiet for ``wait`` since the last change
/// reported: the moment for the preview's whole walk, which must neither run
/// between the saves of a burst nor compete with the pages reloading after one.
struct QuietMoment {
    let wait: Duration
    /// A program that never stops writing in the folders (a log) leaves no quiet moment: one is due this long
    /// after the first change since the last, whatever comes after it.
    static let longestBurst = Duration.seconds(5)
    /// When the quiet is due; `nil` when no change was reported since the last quiet, or events came since the last change.
    private var due: ContinuousClock.Instant?
    /// The first change reported since the last quiet.
    private var burstStart: ContinuousClock.Instant?

    init(wait: Duration) {
        self.wait = wait
    }

    /// A change was reported at `now`: quiet from `now` on, it is due after ``wait``.
    mutating func changeReported(at now: ContinuousClock.Instant = .now) {
        let start = burstStart ?? now
        burstStart = start
        due = min(now + wait, start + Self.longestBurst)
    }

    /// Events came, not yet reported: no quiet is due until their change is.
    mutating func eventsCame() {
        due = nil
    }

    /// How long to wait for events, in milliseconds: until the quiet is due (0 once it is), or, earlier, for `unfinished`
    /// (milliseconds, or -1 for ever: ``UnfinishedWrites/timeout(at:)``); -1 when neither is waited for.
    func timeout(_ unfinished: Int32, at now: ContinuousClock.Instant = .now) -> Int32 {
        guard let due else { return unfinished }
        let left = due - now
        let quiet = left > .zero ? Int32(left.wholeMilliseconds) + 1 : 0
        return unfinished < 0 ? quiet : min(unfinished, quiet)
    }

    /// Whether the quiet is due at `now`: true once for each change reported.
    mutating func take(at now: ContinuousClock.Instant = .now) -> Bool {
        guard let due, due <= now else { return false }
        self.due = nil
        burstStart = nil
        return true
    }
}
