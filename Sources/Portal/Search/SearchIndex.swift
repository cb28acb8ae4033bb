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
    static let postingsPerShard = 1500
    /// Text kept per document for snippets.
    static let textLimit = 800

    let shardCount: Int
    let shards: [[UInt8]]
    let documents: [[UInt8]]
    let meta: [UInt8]

    /// - Parameter vocabulary: built once per build, for at least these answers.
    init(answers: [PublishedAnswer], vocabulary: SearchVocabulary) {
        // Every posting of the site as (shard, token, document, score), sorted: one pass writes the shards.
        var postings: [(shard: Int32, token: Int32, document: Int32, score: Int32)] = []
        for (document, page) in answers.enumerated() {
            for entry in vocabulary.scores[page.answer.file] ?? [] {
                postings.append((0, entry.token, Int32(document), entry.score))
            }
        }
        var count = 16
        while count < postings.count / Self.postingsPerShard && count < 4096 { count <<= 1 }
        shardCount = count
        for index in postings.indices {
            postings[index].shard = Int32(vocabulary.hashes[Int(postings[index].token)] % UInt32(count))
        }
        postings.sort { ($0.shard, $0.token, $0.document) < ($1.shard, $1.token, $1.document) }

        var shards = [[UInt8]](repeating: Array("{}".utf8), count: count)
        var index = 0
        while index < postings.count {
            let shard = postings[index].shard
            var json: [UInt8] = [UInt8(ascii: "{")]
            var first = true
            while index < postings.count && postings[index].shard == shard {
                let token = postings[index].token
                if !first { json.append(UInt8(ascii: ",")) }
                first = false
                json += vocabulary.jsonKeys[Int(token)]
                json += Array(":[".utf8)
                var firstPosting = true
                while index < postings.count && postings[index].token == token && postings[index].shard == shard {
                    if !firstPosting { json.append(UInt8(ascii: ",")) }
                    firstPosting = false
                    Self.appendNumber(postings[index].document, to: &json)
                    json.append(UInt8(ascii: ","))
                    Self.appendNumber(postings[index].score, to: &json)
                    index += 1
                }
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "}"))
            shards[Int(shard)] = json
        }
        self.shards = shards
        documents = answers.map { vocabulary.documents[$0.answer.file] ?? Array("{}".utf8) }
        meta = Array("{\"shards\":\(count),\"documents\":\(answers.count)}".utf8)
    }

    private static func appendNumber(_ value: Int32, to bytes: inout [UInt8]) {
        if value >= 10 { appendNumber(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
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
