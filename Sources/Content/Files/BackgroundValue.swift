import Dispatch
import Foundation
import Synchronization

/// A value made on a thread of its own while the caller goes on with other
/// work; asking for it waits until it is made. The thread is made for it:
/// neither one of Swift concurrency's few (on two cores, two), which a build's
/// other tasks may hold, nor one of Dispatch's, which the caller's
/// `concurrentPerform` takes: the work starts at once, whatever they do.
package final class BackgroundValue<Value: Sendable>: Sendable {
    private let made = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    package init(_ make: @escaping @Sendable () -> Value) {
        made.enter()
        Thread.detachNewThread {
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
