/// Packed Han tokens (``SearchTokens/Key/han(_:)``, never 0) mapped to an
/// `Int32`: open addressing with a multiplicative hash. A province's search
/// vocabulary puts millions of such keys through it, where `Dictionary`'s
/// seeded hashing took most of the search index step.
struct PackedTokenTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1 << 12)
        values = [Int32](repeating: 0, count: 1 << 12)
        shift = 64 - 12
    }

    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    /// Adds `key` (with value 0) if it is not there yet.
    mutating func insert(_ key: UInt64) {
        precondition(key != 0, "0 marks an empty slot")
        let slot = slot(of: key)
        guard keys[slot] == 0 else { return }
        keys[slot] = key
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Sets the value of `key`, which must be in the table.
    mutating func set(_ value: Int32, for key: UInt64) {
        let slot = slot(of: key)
        precondition(keys[slot] == key, "set for a key not in the table")
        values[slot] = value
    }

    func value(of key: UInt64) -> Int32? {
        let slot = slot(of: key)
        return keys[slot] == key && key != 0 ? values[slot] : nil
    }

    /// Every key, in no particular order.
    var allKeys: [UInt64] { keys.filter { $0 != 0 } }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: 0, count: keys.count)
        shift -= 1
        for (key, value) in old {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}
