import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Site

struct SearchIndexTests {
    @Test(arguments: ["普通文本", "quote \" and backslash \\", "line\nbreak\ttab\rreturn", "control \u{01}\u{1F}", "</script><b>", ""])
    func jsonStringsReadBackAsWrittenWithNoRawAngleBracket(_ text: String) throws {
        var json: [UInt8] = []
        SearchIndex.appendJSONString(text, to: &json)
        #expect(!json.contains(UInt8(ascii: "<")))
        let decoded = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    @Test func postingsComeOutByShardThenTokenThenDocument() {
        var random = SplitMix64(seed: 12320)
        let hashes = (0..<500).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
        // Tokens ascending within a document, as the vocabulary lists them; some tokens in no document.
        let documents = (0..<300).map { _ in
            Set((0..<Int.random(in: 0...40, using: &random)).map { _ in Int32.random(in: 0..<500, using: &random) }).sorted()
                .map { (token: $0, count: Int32.random(in: 1...9, using: &random)) }
        }
        let shardCount = 16
        let weight = { (document: Int, count: Int32) in Int32(document) * 10 + count }
        let sharded = ShardedPostings(documents: documents.map { AscendingCounts($0.map { (key: UInt64($0.token), count: $0.count) }) },
                                      shardCount: shardCount, hashes: hashes, weight: weight)
        func shard(_ token: Int32) -> Int { Int(hashes[Int(token)] % UInt32(shardCount)) }
        var expected: [[Int]] = []
        for (document, list) in documents.enumerated() {
            for entry in list { expected.append([shard(entry.token), Int(entry.token), document, Int(weight(document, entry.count))]) }
        }
        var found: [[Int]] = []
        #expect(sharded.shardStart.count == shardCount + 1 && sharded.shardStart.last == sharded.tokens.count)
        for number in 0..<shardCount {
            for slot in sharded.shardStart[number]..<sharded.shardStart[number + 1] {
                let token = sharded.tokens[slot]
                #expect(shard(token) == number)
                // Each token once, ids rising: a key listed twice in a shard would split its postings.
                if slot > sharded.shardStart[number] { #expect(sharded.tokens[slot - 1] < token) }
                #expect(sharded.tokenStart[slot] < sharded.tokenStart[slot + 1], "a token listed without a posting")
                for posting in sharded.postings[sharded.tokenStart[slot]..<sharded.tokenStart[slot + 1]] {
                    found.append([number, Int(token), Int(posting.document), Int(posting.weight)])
                }
            }
        }
        #expect(found == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// A query fetches one shard per word: the number of shards, fixed before the index is made
    /// (from the answers' lengths), keeps shards near the size aimed for, for short answers and long.
    @Test(arguments: [12, 80]) func shardsHoldAboutAsManyPostingsAsAimedFor(characters: Int) async throws {
        let fixture = try ProvinceFixture()
        var random = SplitMix64(seed: UInt64(characters))
        let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质")
        for number in 0..<150 {
            let text = String((0..<characters).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            try fixture.write("---\nid: gen-\(number)\ntitle: 生成的答复\(number)\ncategory: vaccination\nupdated: 2024-04-16\n---\n\(text)\n",
                              to: "Content/answers/nj/gen-\(number).md")
        }
        let content = try ContentLoader.load(directory: fixture.content)
        try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        let search = fixture.output + "/www.jsnj12320.cn/search"
        let meta = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/meta.json"))) as? [String: Any])
        let shards = try #require(meta["shards"] as? Int)
        var postings = 0
        for shard in 0..<shards {
            let tokens = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/shards/\(shard).json"))) as? [String: [Int]])
            postings += tokens.values.reduce(0) { $0 + $1.count / 2 }
        }
        #expect(!FileManager.default.fileExists(atPath: search + "/shards/\(shards).json"))
        let perShard = Double(postings) / Double(shards)
        #expect(shards == 16 || perShard > Double(SearchIndex.postingsPerShard) / 3, "\(shards) shards for \(postings) postings")
        #expect(shards == SearchIndex.maximumShards || perShard < Double(SearchIndex.postingsPerShard) * 3, "\(shards) shards for \(postings) postings")
    }

    /// The vocabulary's table gives every key the value set for it, through growth and
    /// colliding keys, and no value for a key never inserted: against a Dictionary.
    @Test func packedTokenTableAgreesWithADictionary() {
        var random = SplitMix64(seed: 12320)
        var table = PackedTokenTable()
        var expected: [UInt64: Int32] = [:]
        // Han-like packed keys, many sharing their high half, and repeats.
        for _ in 0..<30_000 {
            let key = UInt64.random(in: 0x4E00...0x4E40, using: &random) << 32 | UInt64.random(in: 0...0x9FFF, using: &random)
            table.insert(key)
            expected[key] = 0
        }
        #expect(table.count == expected.count)
        for (index, key) in expected.keys.sorted().enumerated() {
            table.set(Int32(index), for: key)
            expected[key] = Int32(index)
        }
        #expect(expected.allSatisfy { table.value(of: $0.key) == $0.value })
        #expect(Set(table.allKeys) == Set(expected.keys))
        for _ in 0..<1_000 {
            let key = UInt64.random(in: 0x5000...0x5100, using: &random) << 32 | 1
            #expect(table.value(of: key) == nil)
        }
    }

    /// A resident who searches a tag finds the answer tagged with it; a query in traditional
    /// characters can be read with the table of the index's own characters.
    @Test func tagsAreSearchableAndTheIndexShipsTheTraditionalFormsOfItsCharacters() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "tags: [流感]", with: "tags: [流感, 投诉渠道]")
        let content = try ContentLoader.load(directory: fixture.content)
        try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        let search = fixture.output + "/www.jsnj12320.cn/search"
        let meta = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/meta.json"))) as? [String: Any])
        let shard = SearchTokens.shard(of: "投诉", count: try #require(meta["shards"] as? Int))
        let postings = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/shards/\(shard).json"))) as? [String: [Int]])
        let documents = try #require(postings["投诉"]).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let perFile = try #require(meta["documentsPerFile"] as? Int)
        let titles = try documents.map { document in
            let file = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/docs/\(document / perFile).json"))) as? [[String: Any]])
            return file[document % perFile]["t"] as? String
        }
        #expect(titles == ["流感疫苗每年都要接种吗？"])
        let variants = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: search + "/variants.json"))) as? [String: String])
        #expect(variants["種"] == "种" && variants["醫"] == "医")
        // Only characters the index holds: a few, not the whole table.
        #expect(variants["鬱"] == nil && variants.count < 200)
    }

    /// Groups ship with the index when one of their words is on the site; a word of the
    /// lexicon's classified list in the list stops the build, for the list is sent to browsers.
    @Test func synonymGroupsShipWhenTheSiteHoldsOneOfTheirWords() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("# 注释\n流感 流行性感冒\n火星 外星\n\n", to: "Content/search/synonyms.txt")
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.synonyms.map(\.words) == [["流感", "流行性感冒"], ["火星", "外星"]])
        try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        let meta = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture.output + "/www.jsnj12320.cn/search/meta.json"))) as? [String: Any])
        #expect(meta["synonyms"] as? [[String]] == [["流感", "流行性感冒"]])

        let classified = try #require(try fixture.read("Content/lexicon/classified.txt").split(separator: "\n")
            .first { !$0.hasPrefix("#") && !$0.isEmpty }?.split(separator: "\t").first).map(String.init)
        try fixture.write("流感 \(classified)\n", to: "Content/search/synonyms.txt")
        let error = try await #require(throws: ContentErrors.self) {
            try await SiteBuild(content: try ContentLoader.load(directory: fixture.content), templatesDirectory: fixture.templates,
                                outputDirectory: fixture.output).run()
        }
        #expect(error.issues.contains { $0.file.hasSuffix("synonyms.txt") && $0.line == 1 }, "\(error)")
    }

    @Test func aSynonymLineWithOneWordIsAnErrorAtItsLine() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("流感 流行性感冒\n摔跤\n", to: "Content/search/synonyms.txt")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.line) == [2])
        #expect(error.issues[0].message.contains("one word only"))
    }

    /// A word search makes no token of (`a`, `]}"`) would ship its group to every site and expand any query holding it.
    @Test func aSynonymSearchCannotMatchIsAnErrorAtItsLine() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("流感 流行性感冒\n挂号 a\nHIV 艾滋病\n", to: "Content/search/synonyms.txt")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.line) == [2])
        #expect(error.issues[0].message.contains("nothing search can match"))
    }

    /// The list ships to every browser: a `search` folder linked from outside the content is refused.
    @Test func aSynonymListLinkedFromOutsideTheContentIsRefused() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("流感 流行性感冒\n", to: "elsewhere/synonyms.txt")
        try FileManager.default.createSymbolicLink(atPath: fixture.content + "/search", withDestinationPath: fixture.root + "/elsewhere")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains("synonym list") && $0.message.contains("outside") }, "\(error)")
    }
}

/// A build makes each site's index while it writes pages (a small build, on a
/// thread of its own) or as its search files come up, and gives it up once
/// they are written: asking to make it again, from any thread, at any time,
/// changes nothing and never fails.
struct SearchIndexesTests {
    @Test func makingAnIndexAgainAfterItWasGivenUpIsANoOp() throws {
        let fixture = try ProvinceFixture()
        let content = try ContentLoader.load(directory: fixture.content)
        let plan = try SitePlan(province: content.province, publishable: content.answers.filter { $0.visibility == .public },
                                heldBack: [], onlyCities: [])
        #expect(plan.sites.count >= 2)
        let expected = plan.sites.indices.map { number in
            SearchIndexes(sites: plan.sites, province: content.province, synonyms: [], simplifiedForms: { _ in [:] }).index(number)
        }
        let indexes = SearchIndexes(sites: plan.sites, province: content.province, synonyms: [], simplifiedForms: { _ in [:] })
        // Two threads make every index, in opposite orders, while each is taken and given up in turn.
        let ahead = BackgroundValue { for number in plan.sites.indices { indexes.make(number) } }
        let behind = BackgroundValue { for number in plan.sites.indices.reversed() { indexes.make(number) } }
        for number in plan.sites.indices {
            indexes.make(number)
            let index = indexes.index(number)
            #expect(index.shards == expected[number].shards && index.documents == expected[number].documents && index.meta == expected[number].meta)
            indexes.release(number)
            indexes.make(number)
        }
        _ = ahead.value
        _ = behind.value
        indexes.make(0)
        #expect(indexes.time > .zero)
    }
}
