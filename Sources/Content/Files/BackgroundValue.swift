import Dispatch
import Synchronization

/// A value made on a thread of its own while the caller goes on with other
/// work; asking for it waits until it is made. The thread is one of
/// Dispatch's, not one of Swift concurrency's few (on two cores, two), which a
/// build's other tasks may hold: the work starts at once, whatever they do.
package final class BackgroundValue<Value: Sendable>: Sendable {
    private let made = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    package init(_ make: @escaping @Sendable () -> Value) {
        made.enter()
        DispatchQueue.global().async {
            let value = make()
            self.result.withLock { $0 = value }
            self.made.leave()
        }
    }

    /// The value, once made (this waits for it).
    package var value: Value {
        made.wait()
        return result.withLock { $0! }
    }
}
