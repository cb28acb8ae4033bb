/// One answer's search terms, weighted the way BM25F weighs them: how often
/// each occurs, a title or tag occurrence counting ``SearchIndex/fieldWeight``
/// times a body one, and how long the answer is, so a long answer that
/// repeats a common word does not outrank a short one about that word.
///
/// Han tokens are kept as sorted packed keys (see ``SearchTokens/Key``), not
/// in a dictionary: counting them by sorting hashes nothing, and a province's
/// millions of them made hashing most of the search index step.
struct TermCounts {
    /// Packed Han tokens, ascending, each once, with their weighted counts: the body's
    /// bigrams (and lone characters), the title's and tags' bigrams, and every Han
    /// character of the title and tags on its own, for the single-character fallback (a
    /// lone character of the body is too weak a sign, and would double the index).
    let han: AscendingCounts
    /// ASCII words, with their weighted counts.
    let words: [String: Int]
    /// Weighted bigrams and words in the answer.
    let length: Int

    /// BM25's saturation (how soon more occurrences stop counting) and
    /// length normalisation (how much a long answer is discounted).
    static let saturation = 1.2
    static let lengthNormalisation = 0.75

    init(body: String, fields: [String]) {
        var occurrences: [UInt64] = []
        occurrences.reserveCapacity(body.utf8.count / 3 + 64)
        var words: [String: Int] = [:]
        var length = 0
        SearchTokens.forEachToken(body) { key in
            length += 1
            switch key {
            case .han(let packed): occurrences.append(packed)
            case .word(let word): words[word, default: 0] += 1
            }
        }
        let weight = SearchIndex.fieldWeight
        for text in fields {
            SearchTokens.forEachToken(text) { key in
                length += weight
                switch key {
                case .han(let packed) where packed & 0xFFFF_FFFF != 0:
                    for _ in 0..<weight { occurrences.append(packed) }
                case .han:
                    break  // a lone character: counted with every other character of the field below
                case .word(let word):
                    words[word, default: 0] += weight
                }
            }
            for scalar in text.unicodeScalars where SearchTokens.isHan(scalar) {
                for _ in 0..<weight { occurrences.append(UInt64(scalar.value) << 32) }
            }
        }
        PackedKeySort.sort(&occurrences)
        var counted: [(key: UInt64, count: Int32)] = []
        for key in occurrences {
            if counted.last?.key == key { counted[counted.count - 1].count += 1 } else { counted.append((key, 1)) }
        }
        // Packed: a site's answers' counts are held until its vocabulary has numbered them all.
        self.han = AscendingCounts(counted)
        self.words = words
        self.length = length
    }

    /// The weighted count of `key`, or nil when the answer does not hold it.
    func count(of key: SearchTokens.Key) -> Int? {
        switch key {
        case .word(let word):
            return words[word]
        case .han(let packed):
            return han.count(of: packed).map(Int.init)
        }
    }

    /// The BM25 weight of a term counted `count` times in an answer `length` long, in
    /// hundredths (1...220), where the site's answers are `averageLength` long on
    /// average: the browser multiplies it by the term's rarity on the site.
    static func weight(of count: Int, length: Int, averageLength: Double) -> Int32 {
        let frequency = Double(count)
        let k = saturation * (1 - lengthNormalisation + lengthNormalisation * Double(length) / averageLength)
        return Int32(max(1, (100 * frequency * (saturation + 1) / (frequency + k)).rounded()))
    }
}
