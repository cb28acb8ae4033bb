/// A text as moderation reads it: normalised scalars, each remembering the
/// bytes of the original it came from, so findings point at what was written.
struct NormalizedText {
    /// Normalised scalars, noise included.
    private(set) var scalars: [UInt32] = []
    private(set) var isNoise: [Bool] = []
    /// Byte range in the original text of each scalar.
    private(set) var start: [Int32] = []
    private(set) var end: [Int32] = []

    var count: Int { scalars.count }

    /// Normalises UTF-8 `bytes` (invalid sequences read as U+FFFD).
    init(_ bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable) {
        scalars.reserveCapacity(bytes.count / 2)
        isNoise.reserveCapacity(bytes.count / 2)
        start.reserveCapacity(bytes.count / 2)
        end.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let from = index
            let lead = bytes[index]
            var value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                index += 1
                if lead == UInt8(ascii: "&"), let reference = CharacterReference.decode(bytes, at: from) {
                    value = reference.scalar
                    index = reference.end
                }
            } else {
                (value, index) = Self.decodeMultibyte(bytes, at: index)
            }
            table.normalize(value) { output in
                scalars.append(output.scalar)
                isNoise.append(output.isNoise)
                start.append(Int32(from))
                end.append(Int32(index))
            }
        }
    }

    @inline(__always)
    private static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return (0xFFFD, index + 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, index + 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, index + length)
    }
}
