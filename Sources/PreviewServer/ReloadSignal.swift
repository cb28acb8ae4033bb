import Synchronization

/// Counts successful rebuilds and wakes everyone waiting for the next one:
/// each open page waits here (no polling) and reloads when the count moves.
final class ReloadSignal: Sendable {
    private struct State {
        var generation = 0
        var waiting: [Int: CheckedContinuation<Int, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    var generation: Int { state.withLock { $0.generation } }

    /// Counts a rebuild and wakes every waiter.
    func bump() {
        let (generation, waiting) = state.withLock { state in
            state.generation += 1
            defer { state.waiting = [:] }
            return (state.generation, Array(state.waiting.values))
        }
        waiting.forEach { $0.resume(returning: generation) }
    }

    /// The generation once it is past `seen`; `nil` when the task is cancelled first.
    func next(after seen: Int) async -> Int? {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let generation = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
                let now: Int? = state.withLock { state in
                    if state.generation > seen || Task.isCancelled { return state.generation }
                    state.waiting[id] = continuation
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiting.removeValue(forKey: id) }
            continuation?.resume(returning: -1)
        }
        return generation > seen ? generation : nil
    }
}
