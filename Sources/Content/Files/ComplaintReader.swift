import Foundation
import Synchronization

/// Drains a program's error output on a thread of its own, keeping it for the message.
final class ComplaintReader: Sendable {
    private let text = Mutex<String?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let data = handle.readDataToEndOfFile()
            text.withLock { $0 = String(decoding: data, as: UTF8.self) }
            done.signal()
        }
    }

    /// The first non-empty line written, once the program closed its error output.
    func firstLine() -> String? {
        done.wait()
        return text.withLock { $0 }?.split(separator: "\n").first.map(String.init)
    }
}
