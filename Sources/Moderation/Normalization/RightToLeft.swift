/// Characters that make a browser lay text out right to left: Hebrew, Arabic
/// and the other right-to-left scripts, and the direction marks, embeddings,
/// overrides and isolates. Around them, digit groups and words are shown in
/// another order than written, so what the scanner reads is not what the
/// reader sees. A 12320 site has no right-to-left text: each one is a finding.
enum RightToLeft {
    static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF,
             0x061C, 0x200F, 0x202B, 0x202E, 0x2067:
            return true
        default:
            return false
        }
    }

    /// Byte ranges of the right-to-left characters written in `bytes`
    /// (character references such as `&#x200F;` included), in order. Called
    /// only when normalisation saw one (``NormalizedText/hasRightToLeft``).
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let (value, next) = NormalizedText.scalar(in: bytes, at: index)
            if contains(value) { found.append(index..<next) }
            index = next
        }
        return found
    }
}
