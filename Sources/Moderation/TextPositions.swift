import Foundation

/// Line and column of byte offsets, asked in increasing order: a cursor
/// that moves forward, so each byte is looked at once however many findings.
struct TextPositions {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// 1-based line, and 1-based column counted in Unicode scalars.
    /// Offsets must not decrease from one call to the next.
    mutating func lineAndColumn(ofByte target: Int) -> (Int, Int) {
        precondition(target >= offset, "positions are asked in increasing order")
        while offset < target {
            // Eight bytes at once when they hold no line break: count the bytes that start a scalar.
            var stop = target
            if offset + 8 <= target {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                let breaks = word ^ 0x0A0A_0A0A_0A0A_0A0A
                if (breaks &- 0x0101_0101_0101_0101) & ~breaks & 0x8080_8080_8080_8080 == 0 {
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    column += 8 - continuations.nonzeroBitCount
                    offset += 8
                    continue
                }
                stop = offset + 8
            }
            while offset < stop {
                let byte = bytes[offset]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
        }
        return (line, column)
    }
}
