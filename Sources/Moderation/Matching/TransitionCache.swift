import Glibc

/// Resolved automaton steps, (state, symbol) → next state after following
/// failure links: a lazily built DFA over the pairs a text actually meets.
/// One per thread, so concurrent scans never share mutable memory.
final class TransitionCache {
    static let size = 1 << 15
    private(set) var keys: UnsafeMutablePointer<UInt64>
    private(set) var values: UnsafeMutablePointer<Int32>
    /// The automaton whose steps are cached; another one empties the cache.
    private var owner: UInt64?

    private init() {
        keys = .allocate(capacity: Self.size)
        keys.initialize(repeating: 0, count: Self.size)
        values = .allocate(capacity: Self.size)
        values.initialize(repeating: 0, count: Self.size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// This thread's cache, emptied if it last served another automaton.
    static func current(for automaton: UInt64) -> TransitionCache {
        let cache: TransitionCache
        if let stored = pthread_getspecific(threadKey) {
            cache = Unmanaged<TransitionCache>.fromOpaque(stored).takeUnretainedValue()
        } else {
            cache = TransitionCache()
            pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        }
        if cache.owner != automaton {
            cache.keys.update(repeating: 0, count: size)
            cache.owner = automaton
        }
        return cache
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<TransitionCache>.fromOpaque(pointer).release() }
        }
        return key
    }()
}
