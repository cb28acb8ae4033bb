/// One answer's search terms, weighted the way BM25F weighs them: how often
/// each occurs, a title or tag occurrence counting ``SearchIndex/fieldWeight``
/// times a body one, and how long the answer is, so a long answer that
/// repeats a common word does not outrank a short one about that word.
struct TermCounts {
    /// Bigrams and ASCII words, and every Han character of the title and tags
    /// on its own (see ``SearchTokens/characterCounts(_:)``; a lone character
    /// of the body is too weak a sign, and would double the index), each with
    /// its weighted count.
    let counts: [SearchTokens.Key: Int]
    /// Weighted bigrams and words in the answer.
    let length: Int

    /// BM25's saturation (how soon more occurrences stop counting) and
    /// length normalisation (how much a long answer is discounted).
    static let saturation = 1.2
    static let lengthNormalisation = 0.75

    init(body: String, fields: [String]) {
        var counts = SearchTokens.keyedCounts(body)
        let length = counts.values.reduce(0, +)
        var fieldLength = 0
        for text in fields {
            let weighted = SearchTokens.keyedCounts(text)
            fieldLength += weighted.values.reduce(0, +) * SearchIndex.fieldWeight
            for (key, count) in weighted { counts[key, default: 0] += count * SearchIndex.fieldWeight }
            for (key, count) in SearchTokens.characterCounts(text) where weighted[key] == nil {
                counts[key, default: 0] += count * SearchIndex.fieldWeight
            }
        }
        self.counts = counts
        self.length = length + fieldLength
    }

    /// The term's BM25 weight in this answer, in hundredths (1...220): the
    /// browser multiplies it by the term's rarity on the site.
    func weight(of count: Int, averageLength: Double) -> Int32 {
        let frequency = Double(count)
        let k = Self.saturation * (1 - Self.lengthNormalisation + Self.lengthNormalisation * Double(length) / averageLength)
        return Int32(max(1, (100 * frequency * (Self.saturation + 1) / (frequency + k)).rounded()))
    }
}
