import Synchronization

/// An Aho-Corasick automaton over normalised scalars, built once per lexicon.
///
/// Scalars that occur in some pattern get dense symbol numbers; any other
/// scalar cannot be part of a match and sends the automaton back to the root.
/// The root's transitions are a direct table (most steps start there); every
/// other state's edges lie side by side, sorted by symbol, so a step reads one
/// short run of memory.
struct Automaton: Sendable {
    /// A pattern ending at a text position.
    struct Hit: Equatable {
        let pattern: Int32
        /// Index of the first and last normalised scalar of the match.
        let first: Int
        let last: Int
    }

    private let planeSymbols: [UInt32]
    private let otherSymbols: [UInt32: UInt32]
    private let rootNext: [Int32]
    /// Edges of state `s`: `edgeSymbols[edgeStart[s]..<edgeStart[s + 1]]`, sorted, and their targets.
    private let edgeStart: [Int32]
    private let edgeSymbols: [UInt32]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    /// The pattern that ends exactly at each state, or -1.
    private let output: [Int32]
    /// The nearest state down the failure chain that has an output, or -1.
    private let outputLink: [Int32]
    let patternLengths: [Int32]
    let longestPattern: Int
    /// Identifies this automaton to per-thread transition caches. A counter,
    /// not an object address: addresses are reused once an automaton is freed,
    /// and a reused one would serve another automaton's transitions.
    private let identity = Self.nextIdentity.add(1, ordering: .relaxed).newValue

    private static let nextIdentity = Atomic<UInt64>(0)

    /// Set on root-table and cached targets where some pattern ends, so the
    /// output tables are read only there.
    static let emitsFlag: Int32 = 1 << 30

    /// - Parameter patterns: each a sequence of normalised, non-noise scalars (at least one).
    ///   When two patterns are equal, the one listed first is kept.
    init(patterns: [[UInt32]]) {
        var symbols: [UInt32: UInt32] = [:]
        for pattern in patterns {
            for scalar in pattern where symbols[scalar] == nil { symbols[scalar] = UInt32(symbols.count + 1) }
        }
        var planeSymbols = [UInt32](repeating: 0, count: 0x10000)
        var otherSymbols: [UInt32: UInt32] = [:]
        for (scalar, symbol) in symbols {
            if scalar < 0x10000 { planeSymbols[Int(scalar)] = symbol } else { otherSymbols[scalar] = symbol }
        }

        // The trie, with a dictionary per state while building.
        var children: [[UInt32: Int32]] = [[:]]
        var output: [Int32] = [-1]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for scalar in pattern {
                let symbol = symbols[scalar]!
                if let next = children[state][symbol] {
                    state = Int(next)
                } else {
                    children.append([:])
                    output.append(-1)
                    children[state][symbol] = Int32(children.count - 1)
                    state = children.count - 1
                }
            }
            if output[state] < 0 { output[state] = Int32(index) }
        }

        // Failure and output links, breadth first.
        var failure = [Int32](repeating: 0, count: children.count)
        var outputLink = [Int32](repeating: -1, count: children.count)
        var queue: [Int32] = children[0].keys.sorted().map { children[0][$0]! }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for symbol in children[state].keys.sorted() {
                let child = Int(children[state][symbol]!)
                var fallback = Int(failure[state])
                while true {
                    if let next = children[fallback][symbol], next != Int32(child) {
                        failure[child] = next
                        break
                    }
                    if fallback == 0 {
                        failure[child] = 0
                        break
                    }
                    fallback = Int(failure[fallback])
                }
                let target = Int(failure[child])
                outputLink[child] = output[target] >= 0 ? Int32(target) : outputLink[target]
                queue.append(Int32(child))
            }
        }

        var rootNext = [Int32](repeating: 0, count: symbols.count + 1)
        for (symbol, next) in children[0] {
            let emits = output[Int(next)] >= 0 || outputLink[Int(next)] >= 0
            rootNext[Int(symbol)] = next | (emits ? Self.emitsFlag : 0)
        }
        var edgeStart: [Int32] = [0]
        var edgeSymbols: [UInt32] = []
        var edgeTargets: [Int32] = []
        edgeStart.reserveCapacity(children.count + 1)
        for state in 0..<children.count {
            if state > 0 {
                for symbol in children[state].keys.sorted() {
                    edgeSymbols.append(symbol)
                    edgeTargets.append(children[state][symbol]!)
                }
            }
            edgeStart.append(Int32(edgeSymbols.count))
        }

        self.planeSymbols = planeSymbols
        self.otherSymbols = otherSymbols
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeSymbols = edgeSymbols
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.output = output
        self.outputLink = outputLink
        self.patternLengths = patterns.map { Int32($0.count) }
        self.longestPattern = patterns.map(\.count).max() ?? 0
    }

    /// Every pattern occurrence, overlapping ones included. Noise scalars are
    /// skipped; more than `maxGap` of them in a row breaks any match in progress.
    func hits(in text: NormalizedText, maxGap: Int) -> [Hit] {
        var hits: [Hit] = []
        guard longestPattern > 0 else { return hits }
        // Indices of the last fed scalars, to find where a match began.
        var ringSize = 1
        while ringSize < longestPattern { ringSize <<= 1 }
        var ring = [Int](repeating: 0, count: ringSize)
        let ringMask = ringSize - 1
        var fed = 0
        var state: Int32 = 0
        var gap = 0
        let cache = TransitionCache.current(for: identity)
        let cacheKeys = cache.keys
        let cacheValues = cache.values
        let cacheMask = TransitionCache.size - 1
        text.scalars.withUnsafeBufferPointer { scalars in
        text.isNoise.withUnsafeBufferPointer { noise in
        planeSymbols.withUnsafeBufferPointer { planeSymbols in
        rootNext.withUnsafeBufferPointer { rootNext in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeSymbols.withUnsafeBufferPointer { edgeSymbols in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        failure.withUnsafeBufferPointer { failure in
        output.withUnsafeBufferPointer { output in
        ring.withUnsafeMutableBufferPointer { ring in
            for index in 0..<scalars.count {
                if noise[index] {
                    gap += 1
                    if gap > maxGap { state = 0 }
                    continue
                }
                gap = 0
                let scalar = scalars[index]
                let symbol = scalar < 0x10000 ? planeSymbols[Int(scalar)] : otherSymbols[scalar] ?? 0
                if symbol == 0 {
                    state = 0
                    continue
                }
                ring[fed & ringMask] = index
                fed += 1
                var emits: Bool
                if state == 0 {
                    let target = rootNext[Int(symbol)]
                    state = target & ~Self.emitsFlag
                    emits = target & Self.emitsFlag != 0
                } else {
                    let key = UInt64(UInt32(bitPattern: state)) << 32 | UInt64(symbol)
                    let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & cacheMask
                    if cacheKeys[slot] == key {
                        let target = cacheValues[slot]
                        state = target & ~Self.emitsFlag
                        emits = target & Self.emitsFlag != 0
                    } else {
                        // Follow failure links until a transition exists; the root's are a table.
                        while true {
                            if state == 0 {
                                state = rootNext[Int(symbol)] & ~Self.emitsFlag
                                break
                            }
                            var low = Int(edgeStart[Int(state)])
                            var high = Int(edgeStart[Int(state) + 1])
                            while high - low > 4 {
                                let middle = (low + high) / 2
                                if edgeSymbols[middle] <= symbol { low = middle } else { high = middle }
                            }
                            var found: Int32 = -1
                            while low < high {
                                if edgeSymbols[low] == symbol {
                                    found = edgeTargets[low]
                                    break
                                }
                                low += 1
                            }
                            if found >= 0 {
                                state = found
                                break
                            }
                            state = failure[Int(state)]
                        }
                        emits = output[Int(state)] >= 0 || outputLink[Int(state)] >= 0
                        cacheKeys[slot] = key
                        cacheValues[slot] = state | (emits ? Self.emitsFlag : 0)
                    }
                }
                guard emits else { continue }
                var match = output[Int(state)] >= 0 ? state : outputLink[Int(state)]
                while match >= 0 {
                    let pattern = output[Int(match)]
                    let length = Int(patternLengths[Int(pattern)])
                    hits.append(Hit(pattern: pattern, first: ring[(fed - length) & ringMask], last: index))
                    match = outputLink[Int(match)]
                }
            }
        }}}}}}}}}}
        return hits
    }

    /// Keeps the leftmost match, the longest among those starting there, then
    /// the next that starts after it ends, and so on.
    static func leftmostLongest(_ hits: [Hit]) -> [Hit] {
        let ordered = hits.sorted { ($0.first, $1.last, $0.pattern) < ($1.first, $0.last, $1.pattern) }
        var chosen: [Hit] = []
        for hit in ordered where hit.first > (chosen.last?.last ?? -1) {
            chosen.append(hit)
        }
        return chosen
    }
}
