import Dispatch
import Synchronization

/// The tables moderation builds once per process (OpenCC's conversion, the
/// normalised plane), made in parts on all cores. Moderation sits below
/// Content, whose `concurrentMap` it cannot use.
enum ConcurrentParts {
    /// `part(0)` … `part(count - 1)` on all cores, the results in that order.
    static func map<T: Sendable>(_ count: Int, _ part: @Sendable (Int) -> T) -> [T] {
        let made = Mutex<[Int: T]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = part(index)
            made.withLock { $0[index] = result }
        }
        let results = made.withLock { $0 }
        return (0..<count).map { results[$0]! }
    }
}
