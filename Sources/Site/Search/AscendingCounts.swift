/// Keys in ascending order, each once, with a count each, packed into bytes:
/// a key as its difference from the key before it, then its count, both in
/// base-128 (7 bits a byte, the high bit set on every byte but a number's
/// last). A site's search vocabulary holds one such list per answer of the
/// site, all at once; a province's, when one vocabulary served every site, took
/// 63 MB as arrays of 8-byte keys and 4-byte counts, and 28 MB so. Counts take a byte; a token id's difference one or two; a Han
/// key's two or three when its first character is the one before's, else five.
struct AscendingCounts: Sendable {
    private let bytes: [UInt8]
    /// How many keys the list holds.
    let count: Int

    /// - Parameter entries: keys ascending (each greater than the one before), counts at least 0.
    init<Entries: Collection>(_ entries: Entries) where Entries.Element == (key: UInt64, count: Int32) {
        // Measured first, then written into an array of just that size: the lists are kept, and an
        // array grown by appending holds up to twice what it uses.
        var size = 0
        var previous: UInt64 = 0
        for entry in entries {
            precondition(entry.key >= previous && (size == 0 || entry.key > previous), "keys must rise")
            precondition(entry.count >= 0, "a count is never negative")
            size += Self.length(of: entry.key - previous) + Self.length(of: UInt64(entry.count))
            previous = entry.key
        }
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, written in
            var previous: UInt64 = 0
            written = 0
            for entry in entries {
                Self.write(entry.key - previous, into: buffer, at: &written)
                Self.write(UInt64(entry.count), into: buffer, at: &written)
                previous = entry.key
            }
        }
        count = entries.count
    }

    /// No key.
    static let empty = AscendingCounts([(key: UInt64, count: Int32)]())

    /// Calls `visit` with each key and its count, keys ascending.
    func forEach(_ visit: (_ key: UInt64, _ count: Int32) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            var key: UInt64 = 0
            while position < buffer.count {
                key += Self.read(buffer, at: &position)
                visit(key, Int32(truncatingIfNeeded: Self.read(buffer, at: &position)))
            }
        }
    }

    /// The count of `key`, or nil when the list does not hold it: a walk over the whole list (for the tests).
    func count(of key: UInt64) -> Int32? {
        var found: Int32?
        forEach { listed, count in if listed == key { found = count } }
        return found
    }

    private static func length(of value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    private static func write(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        var rest = value
        while rest >= 0x80 {
            buffer[position] = UInt8(truncatingIfNeeded: rest) | 0x80
            position += 1
            rest >>= 7
        }
        buffer[position] = UInt8(rest)
        position += 1
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, at position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = buffer[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
