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
        // Almost every text yields at most one scalar per byte; a compatibility
        // character can expand to up to 18 (U+FDFA), so retry with room for that.
        if let text = Self.normalize(bytes, table: table, capacity: bytes.count + 64) {
            self = text
        } else {
            self = Self.normalize(bytes, table: table, capacity: bytes.count * 18 + 64)!
        }
    }

    private init(scalars: [UInt32], isNoise: [Bool], start: [Int32], end: [Int32]) {
        self.scalars = scalars
        self.isNoise = isNoise
        self.start = start
        self.end = end
    }

    /// `nil` when `capacity` is too small.
    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable, capacity: Int) -> NormalizedText? {
        var count = 0
        var overflow = false
        var scalars = [UInt32](repeating: 0, count: capacity)
        var isNoise = [Bool](repeating: false, count: capacity)
        var start = [Int32](repeating: 0, count: capacity)
        var end = [Int32](repeating: 0, count: capacity)
        scalars.withUnsafeMutableBufferPointer { scalarsOut in
            isNoise.withUnsafeMutableBufferPointer { noiseOut in
                start.withUnsafeMutableBufferPointer { startOut in
                    end.withUnsafeMutableBufferPointer { endOut in
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
                                (value, index) = decodeMultibyte(bytes, at: index)
                            }
                            if count < capacity, let (scalar, noise) = table.single(value) {
                                scalarsOut[count] = scalar
                                noiseOut[count] = noise
                                startOut[count] = Int32(from)
                                endOut[count] = Int32(index)
                                count += 1
                                continue
                            }
                            table.normalize(value) { output in
                                guard count < capacity else {
                                    overflow = true
                                    return
                                }
                                scalarsOut[count] = output.scalar
                                noiseOut[count] = output.isNoise
                                startOut[count] = Int32(from)
                                endOut[count] = Int32(index)
                                count += 1
                            }
                            if overflow { return }
                        }
                    }
                }
            }
        }
        if overflow { return nil }
        scalars.removeLast(capacity - count)
        isNoise.removeLast(capacity - count)
        start.removeLast(capacity - count)
        end.removeLast(capacity - count)
        return NormalizedText(scalars: scalars, isNoise: isNoise, start: start, end: end)
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
