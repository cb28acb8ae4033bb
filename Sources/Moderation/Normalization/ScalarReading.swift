/// How each written BMP scalar reads for one lexicon, in a single lookup: its
/// normalised scalar, whether that is noise, and its symbol in the lexicon's
/// term trie. Scalars that normalise to nothing or to several scalars, and
/// those outside the BMP, are left to ``ScalarTable`` and ``TermTrie``.
struct ScalarReading: Sendable {
    let table: ScalarTable
    let trie: TermTrie
    /// Per BMP scalar: bits 0–20 the normalised scalar, `noiseBit`, `singleBit`
    /// (unset: look it up the slow way), bits 32–63 the symbol.
    private let entries: Entries

    private static let scalarMask: UInt64 = 0x1F_FFFF
    private static let noiseBit: UInt64 = 1 << 21
    private static let singleBit: UInt64 = 1 << 22

    init(table: ScalarTable, trie: TermTrie) {
        self.table = table
        self.trie = trie
        entries = Entries()
        for value in UInt32(0)..<0x10000 {
            guard let (scalar, isNoise) = table.single(value) else { continue }
            let symbol = isNoise ? 0 : trie.symbol(of: scalar)
            entries.values[Int(value)] = UInt64(scalar) | (isNoise ? Self.noiseBit : 0) | Self.singleBit | UInt64(symbol) << 32
        }
    }

    /// The reading of a BMP `value` when it normalises to exactly one scalar
    /// (almost always); `nil` otherwise.
    @inline(__always)
    func single(_ value: UInt32) -> (scalar: UInt32, isNoise: Bool, symbol: UInt32)? {
        guard value < 0x10000 else { return nil }
        let entry = entries.values[Int(value)]
        guard entry & Self.singleBit != 0 else { return nil }
        return (UInt32(truncatingIfNeeded: entry & Self.scalarMask), entry & Self.noiseBit != 0, UInt32(truncatingIfNeeded: entry >> 32))
    }

    /// The table's memory, written in `init` only.
    private final class Entries: @unchecked Sendable {
        let values: UnsafeMutablePointer<UInt64>

        init() {
            values = .allocate(capacity: 0x10000)
            values.initialize(repeating: 0, count: 0x10000)
        }

        deinit { values.deallocate() }
    }
}
