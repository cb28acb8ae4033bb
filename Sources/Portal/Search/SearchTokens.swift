/// How search splits text into tokens, identically in Swift (index) and in
/// `Templates/assets/search.js` (queries): Chinese has no spaces between
/// words, so runs of Han characters give overlapping bigrams (a lone
/// character gives itself); runs of ASCII letters and digits give whole
/// lowercase words. Everything else separates tokens.
enum SearchTokens {
    /// Each token of `text` with how often it occurs.
    static func counts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        forEach(in: text) { counts[$0, default: 0] += 1 }
        return counts
    }

    static func forEach(in text: String, _ body: (String) -> Void) {
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count == 1 {
                body(String(han[0]))
            } else if han.count > 1 {
                for index in 0..<(han.count - 1) {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(han[index])
                    bigram.append(han[index + 1])
                    body(String(bigram))
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if word.count >= 2 { body(String(word)) }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                flushWord()
                han.append(scalar)
            } else if let lower = asciiAlphanumeric(scalar) {
                flushHan()
                word.append(lower)
            } else {
                flushHan()
                flushWord()
            }
        }
        flushHan()
        flushWord()
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

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
        var hash: UInt32 = 0x811C_9DC5
        for byte in token.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }
}
