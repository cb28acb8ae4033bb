import Glibc
import Synchronization

/// The payload of each file of a build's memory as it was read, by name, so
/// that one whose payload would be the same is not written again.
package final class MemoryFileBytes: Sendable {
    private let payloads = Mutex<[String: (payload: ArraySlice<UInt8>, findings: Int)]>([:])
    private let frontsOnly = Mutex<[String: Bool]>([:])
    private let anotherProgram = Mutex<Set<String>>([])

    package init() {}

    /// - Parameter findings: how many answers' findings the file held.
    func keep(_ payload: ArraySlice<UInt8>, as name: String, findings: Int) {
        payloads.withLock { $0[name] = (payload, findings) }
    }

    /// Notes that only the fronts of the file `name` were to be read (another city's, in a `--city` build),
    /// whether they could be, and whether they could not because another program wrote them.
    func noteFrontsOnly(_ name: String, read: Bool, ofAnotherProgram: Bool = false) {
        frontsOnly.withLock { $0[name] = read }
        if ofAnotherProgram { anotherProgram.withLock { _ = $0.insert(name) } }
    }

    /// The files of which only the fronts were to be read and another program had written them.
    var frontsOfAnotherProgram: Set<String> {
        anotherProgram.withLock { $0 }
    }

    /// The files of which only the fronts were to be read, each with whether they could be.
    var filesReadAsFronts: [String: Bool] {
        frontsOnly.withLock { $0 }
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
