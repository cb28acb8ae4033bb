import Markdown

/// A city site's search index, built with the site and served as static
/// files, so search needs no server:
///
/// - `/search/meta.json`: how many shards and documents;
/// - `/search/shards/<n>.json`: `{token: [document, score, document, score, …]}`
///   for the tokens that hash to shard `n`; a query fetches only its tokens' shards;
/// - `/search/docs/<n>.json`: title, address, category and text of document `n`,
///   fetched for the few results shown.
///
/// Only published answers are indexed: the plan holds nothing else.
struct SearchIndex {
    /// Titles count this many times a body occurrence.
    static let titleWeight = 3
    /// Aim for shards of about this many postings, so a query downloads little.
    static let postingsPerShard = 400
    /// Text kept per document for snippets.
    static let textLimit = 800

    let shardCount: Int
    let shards: [[UInt8]]
    let documents: [[UInt8]]
    let meta: [UInt8]

    /// Each answer's token scores, computed once and shared by every site that shows it.
    static func scores(of answers: [PublishedAnswer]) -> [String: [String: Int]] {
        let scored = answers.concurrentMap { page -> (String, [String: Int]) in
            var scores = SearchTokens.counts(page.document.plainText)
            for (token, count) in SearchTokens.counts(page.answer.title) {
                scores[token, default: 0] += count * Self.titleWeight
            }
            return (page.answer.file, scores)
        }
        return Dictionary(scored, uniquingKeysWith: { first, _ in first })
    }

    /// - Parameter scores: from ``scores(of:)``, for at least these answers.
    init(answers: [PublishedAnswer], scores: [String: [String: Int]], province: Province) {
        let perDocument = answers.map { scores[$0.answer.file] ?? [:] }
        let postings = perDocument.reduce(0) { $0 + $1.count }
        var count = 16
        while count < postings / Self.postingsPerShard && count < 4096 { count <<= 1 }
        shardCount = count

        var shardTokens = [[String: [Int]]](repeating: [:], count: count)
        for (document, scores) in perDocument.enumerated() {
            for (token, score) in scores {
                shardTokens[SearchTokens.shard(of: token, count: count)][token, default: []] += [document, min(score, 999)]
            }
        }
        shards = shardTokens.map { tokens in
            var json = "{"
            for (index, token) in tokens.keys.sorted().enumerated() {
                if index > 0 { json += "," }
                json += "\(Self.jsonString(token)):[\(tokens[token]!.map(String.init).joined(separator: ","))]"
            }
            return Array((json + "}").utf8)
        }
        documents = answers.map { page in
            let category = province.category(page.answer.category)?.name ?? ""
            let text = String(page.document.plainText.prefix(Self.textLimit))
            return Array(("{\"t\":\(Self.jsonString(page.answer.title)),\"u\":\(Self.jsonString(page.path)),"
                + "\"c\":\(Self.jsonString(category)),\"x\":\(Self.jsonString(text))}").utf8)
        }
        meta = Array("{\"shards\":\(count),\"documents\":\(answers.count)}".utf8)
    }

    /// The index's files for the site rooted at `root`.
    func files(root: String) -> [OutputFile] {
        var files = [OutputFile(path: "\(root)/search/meta.json") { [meta] in meta }]
        for (index, shard) in shards.enumerated() {
            files.append(OutputFile(path: "\(root)/search/shards/\(index).json") { shard })
        }
        for (index, document) in documents.enumerated() {
            files.append(OutputFile(path: "\(root)/search/docs/\(index).json") { document })
        }
        return files
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
