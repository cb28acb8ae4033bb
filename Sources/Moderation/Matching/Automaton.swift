/// An Aho-Corasick automaton over normalised scalars, built once per lexicon.
///
/// Scalars that occur in some pattern get dense symbol numbers; any other
/// scalar cannot be part of a match and sends the automaton back to the root.
/// The root's transitions are a direct table (most steps start there); the
/// others live in one open-addressing hash table.
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
    private let keys: [UInt64]
    private let values: [Int32]
    private let mask: Int
    private let failure: [Int32]
    /// The pattern that ends exactly at each state, or -1.
    private let output: [Int32]
    /// The nearest state down the failure chain that has an output, or -1.
    private let outputLink: [Int32]
    let patternLengths: [Int32]
    let longestPattern: Int

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
        for (symbol, next) in children[0] { rootNext[Int(symbol)] = next }
        let transitionCount = children.dropFirst().reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < transitionCount * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Int32](repeating: 0, count: capacity)
        for state in 1..<children.count {
            for (symbol, next) in children[state] {
                let key = UInt64(state) << 32 | UInt64(symbol)
                var slot = Self.slot(key, mask: capacity - 1)
                while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                keys[slot] = key
                values[slot] = next
            }
        }

        self.planeSymbols = planeSymbols
        self.otherSymbols = otherSymbols
        self.rootNext = rootNext
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
        self.failure = failure
        self.output = output
        self.outputLink = outputLink
        self.patternLengths = patterns.map { Int32($0.count) }
        self.longestPattern = patterns.map(\.count).max() ?? 0
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    private func symbol(of scalar: UInt32) -> UInt32 {
        scalar < 0x10000 ? planeSymbols[Int(scalar)] : otherSymbols[scalar] ?? 0
    }

    @inline(__always)
    private func next(_ state: Int32, _ symbol: UInt32) -> Int32 {
        var state = state
        while state != 0 {
            let key = UInt64(state) << 32 | UInt64(symbol)
            var slot = Self.slot(key, mask: mask)
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { break }
                slot = (slot + 1) & mask
            }
            state = failure[Int(state)]
        }
        return rootNext[Int(symbol)]
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
        text.scalars.withUnsafeBufferPointer { scalars in
            text.isNoise.withUnsafeBufferPointer { noise in
                for index in 0..<scalars.count {
                    if noise[index] {
                        gap += 1
                        if gap > maxGap { state = 0 }
                        continue
                    }
                    gap = 0
                    let symbol = symbol(of: scalars[index])
                    if symbol == 0 {
                        state = 0
                        continue
                    }
                    ring[fed & ringMask] = index
                    fed += 1
                    state = next(state, symbol)
                    var match = output[Int(state)] >= 0 ? state : outputLink[Int(state)]
                    while match >= 0 {
                        let pattern = output[Int(match)]
                        let length = Int(patternLengths[Int(pattern)])
                        hits.append(Hit(pattern: pattern, first: ring[(fed - length) & ringMask], last: index))
                        match = outputLink[Int(match)]
                    }
                }
            }
        }
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
