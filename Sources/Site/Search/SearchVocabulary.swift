import Content
import Markdown

/// Every token of every published answer, numbered once per build, with each
/// answer's token scores: shared by all sites, so an answer shown on eleven
/// city sites is tokenised once.
struct SearchVocabulary: Sendable {
    /// Tokens in sorted order; a token's id is its position.
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
        var all = Set<SearchTokens.Key>()
        for (_, terms) in counted { all.formUnion(terms.counts.keys) }
        let keyed = all.map { ($0, $0.text) }.sorted { $0.1 < $1.1 }
        tokens = keyed.map(\.1)
        let ids = Dictionary(uniqueKeysWithValues: keyed.enumerated().map { ($1.0, Int32($0)) })
        jsonKeys = tokens.map { token in
            var json: [UInt8] = []
            SearchIndex.appendJSONString(token, to: &json)
            return json
        }
        hashes = tokens.map { SearchTokens.hash($0) }
        scores = Dictionary(uniqueKeysWithValues: counted.concurrentMap { file, terms in
            (file, terms.counts.map { (ids[$0.key]!, terms.weight(of: $0.value, averageLength: averageLength)) }.sorted { $0.token < $1.token })
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
