import Moderation

/// How search splits text into tokens, identically in Swift (index) and in
/// `Templates/assets/search.js` (queries): Chinese has no spaces between
/// words, so runs of Han characters give overlapping bigrams (a lone
/// character gives itself); runs of ASCII letters and digits give whole
/// lowercase words. Everything else separates tokens.
enum SearchTokens {
    /// Each token of `text` with how often it occurs.
    static func counts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        forEachToken(text) { counts[$0.text, default: 0] += 1 }
        return counts
    }

    /// A token without a String allocation for the common case: Han bigrams
    /// and lone characters packed into an integer, ASCII words as text.
    enum Key: Hashable, Sendable {
        case han(UInt64)
        case word(String)

        var text: String {
            switch self {
            case .word(let word):
                return word
            case .han(let packed):
                var scalars = String.UnicodeScalarView()
                if let first = Unicode.Scalar(UInt32(packed >> 32)) { scalars.append(first) }
                if packed & 0xFFFF_FFFF != 0, let second = Unicode.Scalar(UInt32(packed & 0xFFFF_FFFF)) { scalars.append(second) }
                return String(scalars)
            }
        }
    }

    /// Calls `visit` with each token of `text` in order, once per occurrence.
    static func forEachToken(_ text: String, _ visit: (Key) -> Void) {
        var previousHan: UInt32 = 0
        var hanRun = 0
        var word = String.UnicodeScalarView()
        func endHan() {
            if hanRun == 1 { visit(.han(UInt64(previousHan) << 32)) }
            hanRun = 0
        }
        func endWord() {
            if word.count >= 2 { visit(.word(String(word))) }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                endWord()
                if hanRun > 0 { visit(.han(UInt64(previousHan) << 32 | UInt64(scalar.value))) }
                previousHan = scalar.value
                hanRun += 1
            } else if let lower = asciiAlphanumeric(scalar) {
                endHan()
                word.append(lower)
            } else {
                endHan()
                endWord()
            }
        }
        endHan()
        endWord()
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool { HanScript.contains(scalar) }

    private static func asciiAlphanumeric(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: scalar
        case 0x41...0x5A: Unicode.Scalar(scalar.value + 0x20)
        case 0xFF10...0xFF19, 0xFF41...0xFF5A: Unicode.Scalar(scalar.value - 0xFEE0)  // full width
        case 0xFF21...0xFF3A: Unicode.Scalar(scalar.value - 0xFEE0 + 0x20)
        default: nil
        }
    }

    /// FNV-1a over the token's UTF-8 bytes: picks the shard a token lives in.
    static func shard(of token: String, count: Int) -> Int {
        Int(hash(token) % UInt32(count))
    }

    static func hash(_ token: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in token.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
