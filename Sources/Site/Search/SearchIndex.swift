import Content
import Crypto
import Foundation
import Markdown

/// A city site's search index, built with the site and served as static
/// files, so search needs no server:
///
/// - `/search/meta.json`: how many shards and documents, the synonym groups
///   with a word on the site, and a digest of the index (`build`);
/// - `/search/shards/<n>.json`: `{token: [document, weight, document, weight, …]}`,
///   the weight being the token's BM25 weight in the document (``TermCounts``)
///   for the tokens that hash to shard `n`; a query fetches only its tokens' shards;
/// - `/search/docs/<g>.json`: `[{…}, …]`, the title, tags, address, category
///   and text of documents `g × documentsPerFile` up to the next file's first
///   (`documentsPerFile` is in meta.json), fetched for the few results shown;
/// - `/search/variants.json`: the traditional forms of the index's characters.
///
/// Only published answers are indexed: the plan holds nothing else.
struct SearchIndex {
    /// A word of the title or the tags counts this many times a body occurrence.
    static let fieldWeight = 3
    /// Aim for shards of about this many postings, so a query downloads little
    /// (a query fetches one shard per token: small shards, few bytes each)...
    static let postingsPerShard = 60
    /// ...counting a posting for every this many bytes of an answer's Markdown and title (its distinct
    /// tokens: 4,868 postings for 4,880 so counted on a sample city site, 572,529 for 671,000
    /// on the benchmark's Nanjing), so that the shards are known before the index is made...
    static let bytesPerPosting = 4
    /// ...but no more shard files than this per site, so a large site's build
    /// does not spend its time creating files.
    static let maximumShards = 512
    /// Documents side by side in one file: a document a file made the benchmark's province 19,600 files (more
    /// than its pages, of 45,000), and a full build on ext4 spent a fifth of its samples in the kernel creating
    /// files. Eight, some 15 KB (5 KB gzipped), so that the ten results a query shows still fetch little
    /// (about 150 KB, 50 KB gzipped, each file once).
    static let documentsPerFile = 8

    let shardCount: Int
    let shards: [[UInt8]]
    /// The document files, ``documentsPerFile`` documents each (the last one fewer).
    let documents: [[UInt8]]
    let meta: [UInt8]
    /// `{"預":"预",…}`: the traditional forms of the characters this index holds.
    let variants: [UInt8]

    /// - Parameters:
    ///   - vocabulary: the vocabulary of these answers' terms, in this order.
    ///   - simplifiedForms: the traditional forms of the characters given, with the simplified character of each.
    ///   - synonyms: groups of words residents use for the same thing; a group ships when one of its words is in this index.
    ///   - shardCount: ``shardCount(for:)`` of these answers, as the files were listed with.
    ///   - province: names each answer's category in its document.
    init(answers: [PublishedAnswer], shardCount count: Int, vocabulary: SearchVocabulary, province: Province,
         simplifiedForms: (Set<UInt32>) -> [UInt32: UInt32] = { _ in [:] }, synonyms: [[String]] = []) {
        let lengths = vocabulary.lengths
        let averageLength = max(1, Double(lengths.reduce(0, +)) / Double(max(1, answers.count)))
        shardCount = count
        let sharded = ShardedPostings(documents: vocabulary.counts, shardCount: count,
                                      hashes: vocabulary.hashes) { document, count in
            TermCounts.weight(of: Int(count), length: lengths[document], averageLength: averageLength)
        }

        // Each shard's JSON on its own, on all cores: a build makes one site's index at a time.
        let shards = Array(0..<count).concurrentMap { shard -> [UInt8] in
            guard sharded.shardStart[shard] < sharded.shardStart[shard + 1] else { return Array("{}".utf8) }
            var json: [UInt8] = [UInt8(ascii: "{")]
            for slot in sharded.shardStart[shard]..<sharded.shardStart[shard + 1] {
                if json.count > 1 { json.append(UInt8(ascii: ",")) }
                vocabulary.appendJSONKey(sharded.tokens[slot], to: &json)
                json += Array(":[".utf8)
                for index in sharded.tokenStart[slot]..<sharded.tokenStart[slot + 1] {
                    if index > sharded.tokenStart[slot] { json.append(UInt8(ascii: ",")) }
                    Self.appendNumber(sharded.postings[index].document, to: &json)
                    json.append(UInt8(ascii: ","))
                    Self.appendNumber(sharded.postings[index].weight, to: &json)
                }
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "}"))
            return Self.exactly(json)
        }
        self.shards = shards
        // Made with the site's index, not kept with the vocabulary: a province's documents held for every site
        // until the last index was made were some 23 MB of a build's peak.
        let perFile = Self.documentsPerFile
        documents = Array(stride(from: 0, to: answers.count, by: perFile)).concurrentMap { first in
            var json: [UInt8] = [UInt8(ascii: "[")]
            for (offset, answer) in answers[first..<min(first + perFile, answers.count)].enumerated() {
                if offset > 0 { json.append(UInt8(ascii: ",")) }
                json += Self.document(of: answer, province: province)
            }
            json.append(UInt8(ascii: "]"))
            return Self.exactly(json)
        }
        // Every token of the vocabulary is one of these answers'.
        let characters = vocabulary.characters()
        let held = synonyms.isEmpty ? [] : Set(vocabulary.tokens)
        // meta.json is fetched by every query anyway: the synonym groups ride along (no request more).
        var metaJSON = Array("{\"shards\":\(count),\"documents\":\(answers.count),\"documentsPerFile\":\(perFile),\"synonyms\":[".utf8)
        let shipped = synonyms.filter { group in group.contains { word in SearchTokens.counts(word).keys.allSatisfy(held.contains) } }
        for (index, group) in shipped.enumerated() {
            metaJSON += Array((index == 0 ? "[" : ",[").utf8)
            for (position, word) in group.enumerated() {
                if position > 0 { metaJSON.append(UInt8(ascii: ",")) }
                Self.appendJSONString(word, to: &metaJSON)
            }
            metaJSON.append(UInt8(ascii: "]"))
        }
        // What this build's index is: a page open across a deploy sees it change and drops what it
        // fetched before, whose document numbers no longer mean the same answers.
        var digest = SHA256()
        for part in shards + documents { digest.update(data: part); digest.update(data: [0]) }
        let build = digest.finalize().hex.prefix(16)
        meta = metaJSON + Array("],\"build\":\"\(build)\"}".utf8)
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (traditional, simplified) in simplifiedForms(characters).filter({ characters.contains($0.value) }).sorted(by: { $0.key < $1.key }) {
            guard let from = Unicode.Scalar(traditional), let to = Unicode.Scalar(simplified) else { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            Self.appendJSONString(String(from), to: &json)
            json.append(UInt8(ascii: ":"))
            Self.appendJSONString(String(to), to: &json)
        }
        json.append(UInt8(ascii: "}"))
        variants = json
    }

    private static func appendNumber(_ value: Int32, to bytes: inout [UInt8]) {
        JSONText.appendNumber(Int(value), to: &bytes)
    }

    /// The number of shards of the index of `answers`: a power of two from 16 to
    /// ``maximumShards``, from the length of their Markdown (known before the index is).
    static func shardCount(for answers: [PublishedAnswer]) -> Int {
        let postings = answers.reduce(0) { $0 + ($1.answer.bodyByteCount + $1.answer.title.utf8.count) / bytesPerPosting }
        var count = 16
        while count < postings / postingsPerShard && count < maximumShards { count <<= 1 }
        return count
    }

    /// The files of the index of `answers` for the site rooted at `root`, the index
    /// made when the first of them is rendered: the files are known before the index is.
    /// - Parameters:
    ///   - shardCount: ``shardCount(for:)`` of `answers`, as the index is made with.
    ///   - fingerprint: of everything the index is made from (``SearchIndexes/fingerprint(_:)``), for a build
    ///     to keep the files the last build made from the same (`nil`: none is kept).
    static func files(root: String, answers: [PublishedAnswer], shardCount: Int, fingerprint: (@Sendable () -> String)? = nil,
                      index: @escaping @Sendable () -> SearchIndex) -> [OutputFile] {
        func file(_ path: String, _ bytes: @escaping @Sendable (SearchIndex) -> [UInt8]) -> OutputFile {
            guard let fingerprint else { return OutputFile(path: path) { bytes(index()) } }
            return OutputFile(path: path, prepare: {
                PreparedPage(fingerprint: fingerprint(), showsTheme: false, render: { () throws(ContentIssue) in bytes(index()) })
            }, make: { bytes(index()) })
        }
        let paths = paths(root: root, answerCount: answers.count, shardCount: shardCount)
        return paths.indices.map { number in
            file(paths[number]) { index in
                switch number {
                case 0: index.meta
                case 1: index.variants
                case ..<(2 + shardCount): index.shards[number - 2]
                default: index.documents[number - 2 - shardCount]
                }
            }
        }
    }

    /// The paths of ``files(root:answers:shardCount:fingerprint:index:)``, in its order: the meta and variants
    /// files, each shard, each file of ``documentsPerFile`` answers' documents.
    static func paths(root: String, answerCount: Int, shardCount: Int) -> [String] {
        ["\(root)/search/meta.json", "\(root)/search/variants.json"]
            + (0..<shardCount).map { "\(root)/search/shards/\($0).json" }
            + (0..<(answerCount + documentsPerFile - 1) / documentsPerFile).map { "\(root)/search/docs/\($0).json" }
    }

    /// The document of `page` in its `/search/docs/<g>.json`: title, tags, address, category, text.
    static func document(of page: PublishedAnswer, province: Province) -> [UInt8] {
        let category = province.category(page.answer.category)?.name ?? ""
        var json: [UInt8] = []
        // The tags ride along (g), so a phrase found in them counts like one in the title.
        for (key, value) in [("t", page.answer.title), ("g", page.answer.tags.joined(separator: " ")), ("u", page.path),
                             ("c", category)] {
            json += Array((json.isEmpty ? "{\"\(key)\":" : ",\"\(key)\":").utf8)
            appendJSONString(value, to: &json)
        }
        // The pieces of the text a result may show, each as moderation read it: a result shows one whole.
        json += Array(",\"x\":".utf8)
        json += page.searchPiecesJSON
        json.append(UInt8(ascii: "}"))
        return exactly(json)
    }

    /// `bytes` in an array of just their size: a file built by appending has up to twice the
    /// capacity it uses, and a site's search files are held until they are written.
    static func exactly(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// Appends `text` as a JSON string; `<` escaped too, so no `</script>` can appear.
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        JSONText.appendString(text, to: &json, escapingAngleBrackets: true)
    }
}
