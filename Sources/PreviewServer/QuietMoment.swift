/// When the watched folders have been quiet for ``wait`` since the last change
/// reported: the moment for the preview's whole walk, which must neither run
/// between the saves of a burst nor compete with the pages reloading after one.
struct QuietMoment {
    let wait: Duration
    /// When the quiet is due; `nil` when no change was reported since the last quiet, or events came since the last change.
    private var due: ContinuousClock.Instant?

    init(wait: Duration) {
        self.wait = wait
    }

    /// A change was reported at `now`: quiet from `now` on, it is due after ``wait``.
    mutating func changeReported(at now: ContinuousClock.Instant = .now) {
        due = now + wait
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
        return true
    }
}
