/// One answer's search terms, weighted the way BM25F weighs them: how often
/// each occurs, a title or tag occurrence counting ``SearchIndex/fieldWeight``
/// times a body one, and how long the answer is, so a long answer that
/// repeats a common word does not outrank a short one about that word.
///
/// Han tokens are kept as sorted packed keys (see ``SearchTokens/Key``), not
/// in a dictionary: counting them by sorting hashes nothing, and a province's
/// millions of them made hashing most of the search index step.
struct TermCounts {
    /// Packed Han tokens, ascending, each once: the body's bigrams (and lone
    /// characters), the title's and tags' bigrams, and every Han character of
    /// the title and tags on its own, for the single-character fallback (a
    /// lone character of the body is too weak a sign, and would double the index).
    let han: [UInt64]
    /// The weighted count of each of ``han``.
    let hanCounts: [Int32]
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
        occurrences.sort()
        // Sized once: every answer's counts are held until the vocabulary has numbered them all, and an
        // append's doubling left a province's some 30 MB larger.
        var distinct = 0
        for (position, key) in occurrences.enumerated() where position == 0 || occurrences[position - 1] != key { distinct += 1 }
        var han: [UInt64] = []
        var counts: [Int32] = []
        han.reserveCapacity(distinct)
        counts.reserveCapacity(distinct)
        for key in occurrences {
            if han.last == key { counts[counts.count - 1] += 1 } else { han.append(key); counts.append(1) }
        }
        self.han = han
        self.hanCounts = counts
        self.words = words
        self.length = length
    }

    /// The weighted count of `key`, or nil when the answer does not hold it.
    func count(of key: SearchTokens.Key) -> Int? {
        switch key {
        case .word(let word):
            return words[word]
        case .han(let packed):
            var low = 0
            var high = han.count
            while low < high {
                let middle = (low + high) / 2
                if han[middle] < packed { low = middle + 1 } else { high = middle }
            }
            return low < han.count && han[low] == packed ? Int(hanCounts[low]) : nil
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
