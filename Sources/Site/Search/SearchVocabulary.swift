import Content
import Markdown

/// Every token of every published answer, numbered once per build, with each
/// answer's token scores: shared by all sites, so an answer shown on eleven
/// city sites is tokenised once.
struct SearchVocabulary: Sendable {
    /// Han tokens by packed value, then words by their bytes; a token's id is its position.
    let tokens: [String]
    /// The token as a JSON string, UTF-8 encoded, ready to write.
    let jsonKeys: [[UInt8]]
    /// FNV-1a of the token (see ``SearchTokens/shard(of:count:)``).
    let hashes: [UInt32]
    /// Per answer file: (token id, score) pairs.
    let scores: [String: [(token: Int32, score: Int32)]]
    /// Per answer file: the `/search/docs/<n>.json` body (title, address, category, text).
    let documents: [String: [UInt8]]

    init(answers: [PublishedAnswer], province: Province) {
        let counted = answers.concurrentMap { page -> (String, TermCounts) in
            (page.answer.file, TermCounts(body: page.document.plainText, fields: [page.answer.title] + page.answer.tags))
        }
        let averageLength = max(1, Double(counted.reduce(0) { $0 + $1.1.length }) / Double(max(1, counted.count)))
        // Numbered Han tokens first, by packed value, then words by their bytes: an order
        // that is cheap to make and the same on every build.
        var table = PackedTokenTable()
        var allWords = Set<String>()
        for (_, terms) in counted {
            for key in terms.han { table.insert(key) }
            allWords.formUnion(terms.words.keys)
        }
        let hanKeys = table.allKeys.sorted()
        for (id, key) in hanKeys.enumerated() { table.set(Int32(id), for: key) }
        let words = allWords.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let wordIDs = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32(hanKeys.count + $0)) })
        tokens = hanKeys.map { SearchTokens.Key.han($0).text } + words
        jsonKeys = tokens.map { token in
            var json: [UInt8] = []
            SearchIndex.appendJSONString(token, to: &json)
            return json
        }
        hashes = tokens.map { SearchTokens.hash($0) }
        let ids = table
        scores = Dictionary(uniqueKeysWithValues: counted.concurrentMap { file, terms in
            // Han ids follow the packed order an answer's keys are already in: only its words need sorting.
            var list = zip(terms.han, terms.hanCounts).map { (ids.value(of: $0)!, terms.weight(of: Int($1), averageLength: averageLength)) }
            list += terms.words.map { (wordIDs[$0.key]!, terms.weight(of: $0.value, averageLength: averageLength)) }.sorted { $0.0 < $1.0 }
            return (file, list.map { (token: $0.0, score: $0.1) })
        })
        documents = Dictionary(uniqueKeysWithValues: answers.concurrentMap { page -> (String, [UInt8]) in
            let category = province.category(page.answer.category)?.name ?? ""
            let text = String(page.document.plainText.prefix(SearchIndex.textLimit))
            var json: [UInt8] = []
            for (key, value) in [("t", page.answer.title), ("u", page.path), ("c", category), ("x", text)] {
                json += Array((json.isEmpty ? "{\"\(key)\":" : ",\"\(key)\":").utf8)
                SearchIndex.appendJSONString(value, to: &json)
            }
            json.append(UInt8(ascii: "}"))
            return (page.answer.file, json)
        })
    }
}
