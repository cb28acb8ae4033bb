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
    /// Per answer file: (token id, weighted count) pairs, by token id.
    let counts: [String: [(token: Int32, count: Int32)]]
    /// Per answer file: its weighted length (``TermCounts/length``); a site's
    /// average makes its BM25 weights (``SearchIndex``), so a site's index
    /// depends on its own answers only, whatever else the build holds.
    let lengths: [String: Int]
    /// Per answer file: the `/search/docs/<n>.json` body (title, tags, address, category, text).
    let documents: [String: [UInt8]]

    /// Whether each Unicode scalar occurs in a token, by value (0 to 0x10FFFF): in a token
    /// `holding` marks, by id, or in any token without it.
    func characterFlags(holding: [Bool]? = nil) -> [Bool] {
        var flags = [Bool](repeating: false, count: 0x110000)
        for (id, token) in tokens.enumerated() where holding?[id] ?? true {
            for scalar in token.unicodeScalars { flags[Int(scalar.value)] = true }
        }
        return flags
    }

    init(answers: [PublishedAnswer], province: Province) {
        let counted = answers.concurrentMap { page -> (String, TermCounts) in
            (page.answer.file, TermCounts(body: page.plainText, fields: [page.answer.title] + page.answer.tags))
        }
        lengths = Dictionary(uniqueKeysWithValues: counted.map { ($0, $1.length) })
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
        counts = Dictionary(uniqueKeysWithValues: counted.concurrentMap { file, terms in
            // Han ids follow the packed order an answer's keys are already in: only its words need sorting.
            // Sized once: kept for the whole build, and an append past the Han ids would double its capacity.
            var list: [(token: Int32, count: Int32)] = []
            list.reserveCapacity(terms.han.count + terms.words.count)
            for (key, count) in zip(terms.han, terms.hanCounts) { list.append((token: ids.value(of: key)!, count: count)) }
            list += terms.words.map { (token: wordIDs[$0.key]!, count: Int32($0.value)) }.sorted { $0.token < $1.token }
            return (file, list)
        })
        documents = Dictionary(uniqueKeysWithValues: answers.concurrentMap { page -> (String, [UInt8]) in
            let category = province.category(page.answer.category)?.name ?? ""
            let text = String(page.plainText.prefix(SearchIndex.textLimit))
            var json: [UInt8] = []
            // The tags ride along (g), so a phrase found in them counts like one in the title.
            for (key, value) in [("t", page.answer.title), ("g", page.answer.tags.joined(separator: " ")), ("u", page.path),
                                 ("c", category), ("x", text)] {
                json += Array((json.isEmpty ? "{\"\(key)\":" : ",\"\(key)\":").utf8)
                SearchIndex.appendJSONString(value, to: &json)
            }
            json.append(UInt8(ascii: "}"))
            return (page.answer.file, SearchIndex.exactly(json))
        })
    }
}
