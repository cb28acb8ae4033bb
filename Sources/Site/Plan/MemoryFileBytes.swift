import Glibc
import Synchronization

/// The payload of each file of a build's memory as it was read, by name, so
/// that one whose payload would be the same is not written again.
package final class MemoryFileBytes: Sendable {
    private let payloads = Mutex<[String: (payload: ArraySlice<UInt8>, findings: Int)]>([:])

    package init() {}

    /// - Parameter findings: how many answers' findings the file held.
    func keep(_ payload: ArraySlice<UInt8>, as name: String, findings: Int) {
        payloads.withLock { $0[name] = (payload, findings) }
    }

    /// How many answers' findings the file `name` held when it was read, if it was.
    func findingsHeld(by name: String) -> Int? {
        payloads.withLock { $0[name]?.findings }
    }

    /// Whether the file `name` was read with exactly `payload`.
    func holds(_ payload: [UInt8], as name: String) -> Bool {
        guard let kept = payloads.withLock({ $0[name]?.payload }), kept.count == payload.count else { return false }
        return payload.isEmpty || kept.withUnsafeBytes { old in payload.withUnsafeBytes { memcmp(old.baseAddress!, $0.baseAddress!, $0.count) == 0 } }
    }
}
