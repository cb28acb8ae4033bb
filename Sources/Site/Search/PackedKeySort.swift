/// Sorts packed search keys (``SearchTokens/Key``: one or two Unicode scalars
/// in an integer) by their bytes, least significant first, skipping each byte
/// that every key shares: a Han bigram's keys differ in four bytes at most.
/// Sorting each answer's tokens to count them (``TermCounts``) took a third
/// of the terms' time with the standard library's comparison sort.
enum PackedKeySort {
    /// Fewer keys than this are sorted by comparison: a pass of the counting sort costs its 256 buckets.
    static let smallest = 128

    /// Sorts `keys` ascending.
    static func sort(_ keys: inout [UInt64]) {
        guard keys.count >= smallest else {
            keys.sort()
            return
        }
        // Each byte's counts, all eight taken in one read of the keys.
        var counts = [Int](repeating: 0, count: 8 * 256)
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for byte in 0..<8 { counts[byte << 8 | Int((key >> UInt64(byte << 3)) & 0xFF)] += 1 }
                }
            }
        }
        var spare = [UInt64](repeating: 0, count: keys.count)
        for byte in 0..<8 {
            let base = byte << 8
            // A byte every key holds alike orders nothing.
            guard !(0..<256).contains(where: { counts[base + $0] == keys.count }) else { continue }
            var start = [Int](repeating: 0, count: 256)
            var total = 0
            for value in 0..<256 {
                start[value] = total
                total += counts[base + value]
            }
            let shift = UInt64(byte << 3)
            keys.withUnsafeBufferPointer { from in
                spare.withUnsafeMutableBufferPointer { to in
                    start.withUnsafeMutableBufferPointer { start in
                        for key in from {
                            let value = Int((key >> shift) & 0xFF)
                            to[start[value]] = key
                            start[value] += 1
                        }
                    }
                }
            }
            swap(&keys, &spare)
        }
    }
}
