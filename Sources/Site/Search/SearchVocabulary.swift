import Content
import Markdown

/// Every token of one site's answers, numbered in an order that is the same
/// for any set of answers (Han tokens by packed value, then words by their
/// bytes), with each answer's token scores: made for each site's index and
/// given up with it, so a build holds the tokens of the sites it is indexing,
/// not the province's. Only the order of the ids reaches the index files, and
/// it is the same whatever other answers are numbered with them.
struct SearchVocabulary: Sendable {
    /// Han tokens by packed value, then words by their bytes; a token's id is its position.
    let tokens: [String]
    /// Every token as a JSON string, UTF-8 encoded, one after another (see ``appendJSONKey(_:to:)``):
    /// one buffer, where an array per token cost a province's build some 20 MB.
    private let jsonKeys: [UInt8]
    /// Where each token's JSON string ends in ``jsonKeys`` (it starts where the one before ends).
    private let jsonKeyEnds: [Int32]
    /// FNV-1a of the token (see ``SearchTokens/shard(of:count:)``).
    let hashes: [UInt32]
    /// Per answer, in the order given: its tokens' ids, ascending, with their weighted counts.
    let counts: [AscendingCounts]
    /// Per answer, in the order given: its weighted length (``TermCounts/length``); the site's
    /// average makes its BM25 weights (``SearchIndex``), so a site's index depends on its own answers only.
    let lengths: [Int]

    /// Appends the JSON string of the token `id`.
    func appendJSONKey(_ id: Int32, to json: inout [UInt8]) {
        let end = Int(jsonKeyEnds[Int(id)])
        let start = id == 0 ? 0 : Int(jsonKeyEnds[Int(id) - 1])
        json.append(contentsOf: jsonKeys[start..<end])
    }

    /// The Unicode scalars of every token, by value.
    func characters() -> Set<UInt32> {
        var characters = Set<UInt32>()
        for token in tokens {
            for scalar in token.unicodeScalars { characters.insert(scalar.value) }
        }
        return characters
    }

    /// - Parameter terms: the terms of each answer of a site, in the site's order.
    init(terms: [TermCounts]) {
        lengths = terms.map(\.length)
        // Numbered Han tokens first, by packed value, then words by their bytes: an order
        // that is cheap to make and the same on every build.
        var table = PackedTokenTable()
        var allWords = Set<String>()
        for answer in terms {
            answer.han.forEach { key, _ in table.insert(key) }
            allWords.formUnion(answer.words.keys)
        }
        let hanKeys = table.allKeys.sorted()
        for (id, key) in hanKeys.enumerated() { table.set(Int32(id), for: key) }
        let words = allWords.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let wordIDs = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32(hanKeys.count + $0)) })
        tokens = hanKeys.map { SearchTokens.Key.han($0).text } + words
        var jsonKeys: [UInt8] = []
        var jsonKeyEnds: [Int32] = []
        jsonKeyEnds.reserveCapacity(tokens.count)
        for token in tokens {
            SearchIndex.appendJSONString(token, to: &jsonKeys)
            jsonKeyEnds.append(Int32(jsonKeys.count))
        }
        self.jsonKeys = SearchIndex.exactly(jsonKeys)
        self.jsonKeyEnds = jsonKeyEnds
        hashes = tokens.map { SearchTokens.hash($0) }
        let ids = table
        counts = terms.concurrentMap { answer in
            // Han ids follow the packed order an answer's keys are already in: only its words need sorting.
            var list: [(key: UInt64, count: Int32)] = []
            list.reserveCapacity(answer.han.count + answer.words.count)
            answer.han.forEach { key, count in list.append((key: UInt64(ids.value(of: key)!), count: count)) }
            list += answer.words.map { (key: UInt64(wordIDs[$0.key]!), count: Int32($0.value)) }.sorted { $0.key < $1.key }
            return AscendingCounts(list)
        }
    }
}
