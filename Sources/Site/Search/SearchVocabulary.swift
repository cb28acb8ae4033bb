import Content
import Markdown

/// Every token of every published answer, numbered once per build, with each
/// answer's token scores: shared by all sites, so an answer shown on eleven
/// city sites is tokenised once.
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
    /// Per answer file: its tokens' ids, ascending, with their weighted counts.
    let counts: [String: AscendingCounts]
    /// Per answer file: its weighted length (``TermCounts/length``); a site's
    /// average makes its BM25 weights (``SearchIndex``), so a site's index
    /// depends on its own answers only, whatever else the build holds.
    let lengths: [String: Int]

    /// Answers whose lists are made between two releases of their counts.
    private static let batchSize = 512

    /// Appends the JSON string of the token `id`.
    func appendJSONKey(_ id: Int32, to json: inout [UInt8]) {
        let end = Int(jsonKeyEnds[Int(id)])
        let start = id == 0 ? 0 : Int(jsonKeyEnds[Int(id) - 1])
        json.append(contentsOf: jsonKeys[start..<end])
    }

    /// Whether each Unicode scalar occurs in a token, by value (0 to 0x10FFFF): in a token
    /// `holding` marks, by id, or in any token without it.
    func characterFlags(holding: [Bool]? = nil) -> [Bool] {
        var flags = [Bool](repeating: false, count: 0x110000)
        for (id, token) in tokens.enumerated() where holding?[id] ?? true {
            for scalar in token.unicodeScalars { flags[Int(scalar.value)] = true }
        }
        return flags
    }

    init(answers: [PublishedAnswer]) {
        var counted = answers.concurrentMap { page -> (String, TermCounts) in
            (page.answer.file, TermCounts(body: page.plainText, fields: [page.answer.title] + page.answer.tags))
        }
        lengths = Dictionary(uniqueKeysWithValues: counted.map { ($0, $1.length) })
        // Numbered Han tokens first, by packed value, then words by their bytes: an order
        // that is cheap to make and the same on every build.
        var table = PackedTokenTable()
        var allWords = Set<String>()
        for (_, terms) in counted {
            terms.han.forEach { key, _ in table.insert(key) }
            allWords.formUnion(terms.words.keys)
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
        var counts: [String: AscendingCounts] = [:]
        counts.reserveCapacity(counted.count)
        // A batch at a time, each answer's counts dropped once its list is made: a province's counts and
        // lists held at once took some 60 MB more at the build's peak.
        for batch in stride(from: 0, to: counted.count, by: Self.batchSize) {
            let range = batch..<min(batch + Self.batchSize, counted.count)
            let lists = Array(counted[range]).concurrentMap { file, terms in
                // Han ids follow the packed order an answer's keys are already in: only its words need sorting.
                var list: [(key: UInt64, count: Int32)] = []
                list.reserveCapacity(terms.han.count + terms.words.count)
                terms.han.forEach { key, count in list.append((key: UInt64(ids.value(of: key)!), count: count)) }
                list += terms.words.map { (key: UInt64(wordIDs[$0.key]!), count: Int32($0.value)) }.sorted { $0.key < $1.key }
                return (file, AscendingCounts(list))
            }
            for (file, list) in lists { counts[file] = list }
            for index in range { counted[index].1 = TermCounts(body: "", fields: []) }
        }
        self.counts = counts
    }
}
