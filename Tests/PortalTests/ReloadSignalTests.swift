@testable import PreviewServer
import Testing

/// Open preview pages wait on the reload signal; each successful rebuild wakes them all, once.
struct ReloadSignalTests {
    @Test(.timeLimit(.minutes(1)))
    func everyWaiterWakesOnTheNextRebuild() async {
        let signal = ReloadSignal()
        await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<3 { group.addTask { await signal.next(after: 0) } }
            // A waiter registers before or after the bump: either way it wakes with generation 1.
            signal.bump()
            for await woke in group { #expect(woke == 1) }
        }
    }

    @Test func aPageThatMissedARebuildReloadsAtOnce() async {
        let signal = ReloadSignal()
        signal.bump()
        signal.bump()
        #expect(await signal.next(after: 0) == 2)
        #expect(await signal.next(after: 1) == 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func aClosedPageStopsWaitingAndIsNotWokenLater() async {
        let signal = ReloadSignal()
        let waiting = Task { await signal.next(after: 0) }
        waiting.cancel()
        #expect(await waiting.value == nil)
        signal.bump()
        #expect(signal.generation == 1)
    }
}
