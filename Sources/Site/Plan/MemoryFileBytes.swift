import Glibc
import Synchronization

/// The payload of each file of a build's memory as it was read, by name, so
/// that one whose payload would be the same is not written again.
package final class MemoryFileBytes: Sendable {
    private let payloads = Mutex<[String: ArraySlice<UInt8>]>([:])

    package init() {}

    func keep(_ payload: ArraySlice<UInt8>, as name: String) {
        payloads.withLock { $0[name] = payload }
    }

    /// Whether the file `name` was read with exactly `payload`.
    func holds(_ payload: [UInt8], as name: String) -> Bool {
        guard let kept = payloads.withLock({ $0[name] }), kept.count == payload.count else { return false }
        return payload.isEmpty || kept.withUnsafeBytes { old in payload.withUnsafeBytes { memcmp(old.baseAddress!, $0.baseAddress!, $0.count) == 0 } }
    }
}
