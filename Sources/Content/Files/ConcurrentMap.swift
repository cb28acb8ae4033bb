import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on all cores, results in the input's order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        concurrentMap(inRunsOf: 1, transform)
    }

    /// `map` on all cores, each core taking runs of consecutive elements
    /// rather than one element at a time: files of one folder, listed
    /// together, are then made by one thread (two threads creating files in
    /// one folder wait on its lock, and the kernel spins while they do).
    package func concurrentMapInRuns<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // A few runs per core, so that a slow run does not leave the other cores idle.
        concurrentMap(inRunsOf: Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8)), transform)
    }

    private func concurrentMap<T: Sendable>(inRunsOf run: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: (count + run - 1) / run) { part in
            for index in (part * run)..<Swift.min(count, (part + 1) * run) {
                results.store(transform(self[index]), at: index)
            }
        }
        return results.collect()
    }
}

/// Slots written once each from concurrent iterations, read after all finished.
private final class UnsafeResults<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    /// Moves the results out (each slot left empty): a copy would retain, and the slots' release release, every
    /// reference each result holds, on one thread.
    func collect() -> [T] { (0..<count).map { slots[$0].take()! } }
}
