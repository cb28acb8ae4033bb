/// A ``ScalarTable`` as bytes, so that a process can take the table an
/// earlier one computed (OpenCC's conversion of every character and NFKC over
/// the plane cost most of a small build's start) instead of computing it again.
extension ScalarTable {
    private static let version: UInt32 = 1

    /// Little-endian 32-bit words: version, the counts of plane entries,
    /// expansions and simplified forms, then each in turn (simplified forms by character).
    var archived: [UInt8] {
        var words: [UInt32] = [Self.version, UInt32(plane.count), UInt32(expansions.count), UInt32(simplified.count)]
        words += plane
        for output in expansions { words += [output.scalar, output.isNoise ? 1 : 0] }
        for (traditional, simplified) in simplified.sorted(by: { $0.key < $1.key }) { words += [traditional, simplified] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 4)
        for word in words { withUnsafeBytes(of: word.littleEndian) { bytes += $0 } }
        return bytes
    }

    /// The table `archived` holds; `nil` for anything not exactly such a table
    /// (another version, cut short, an expansion out of range, a value that is no Unicode scalar).
    init?(archived bytes: [UInt8]) {
        guard bytes.count % 4 == 0, bytes.count >= 16 else { return nil }
        let words = stride(from: 0, to: bytes.count, by: 4).map { offset in
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        let (planeCount, expansionCount, simplifiedCount) = (Int(words[1]), Int(words[2]), Int(words[3]))
        guard words[0] == Self.version, planeCount == 0x10000, expansionCount < 0x10_0000, simplifiedCount < 0x11_0000,
            words.count == 4 + planeCount + 2 * expansionCount + 2 * simplifiedCount
        else { return nil }
        let plane = Array(words[4..<4 + planeCount])
        for entry in plane where entry != Self.dropped {
            if entry & Self.expansionBit != 0 {
                let start = Int(entry & 0xFF_FFFF)
                let count = Int((entry >> 24) & 0x1F)
                guard entry & Self.noiseBit == 0, count >= 2, start + count <= expansionCount else { return nil }
            } else {
                guard Unicode.Scalar(entry & ~Self.noiseBit) != nil else { return nil }
            }
        }
        var expansions: [Output] = []
        var offset = 4 + planeCount
        for _ in 0..<expansionCount {
            guard Unicode.Scalar(words[offset]) != nil, words[offset + 1] <= 1 else { return nil }
            expansions.append(Output(scalar: words[offset], isNoise: words[offset + 1] == 1))
            offset += 2
        }
        var simplified: [UInt32: UInt32] = [:]
        for _ in 0..<simplifiedCount {
            guard Unicode.Scalar(words[offset]) != nil, Unicode.Scalar(words[offset + 1]) != nil else { return nil }
            simplified[words[offset]] = words[offset + 1]
            offset += 2
        }
        guard simplified.count == simplifiedCount else { return nil }
        self.init(plane: plane, expansions: expansions, simplified: simplified)
    }
}
