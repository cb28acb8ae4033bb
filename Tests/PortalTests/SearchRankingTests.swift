import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Site

/// What residents rely on when they search: the sites' own `search.js`, run
/// under Node.js over the index a real build writes, on a small province of
/// answers made to tempt each mistake the ranking must not make.
struct SearchRankingTests {
    static let answers: [String: String] = [
        "rabies": """
            ---
            id: rabies
            title: 被狗咬伤后怎么处理？
            category: vaccination
            updated: 2024-05-01
            tags: [狂犬病]
            ---
            立即用肥皂水和流动清水冲洗伤口十五分钟，尽快到狂犬病暴露预防处置门诊处理。
            """,
        "child-safety": """
            ---
            id: child-safety
            title: 孩子在家怎么预防意外？
            category: vaccination
            updated: 2024-05-02
            tags: [儿童]
            ---
            孩子在家怎么预防烫伤？孩子在家怎么预防摔伤？孩子在家怎么预防误食？家长怎么办才好？
            孩子怎么预防触电？孩子怎么预防溺水？孩子怎么预防异物卡喉？怎么办，怎么办，孩子的安全最重要。
            社区服务中心为孩子提供服务，家长有问题怎么办都可以问。
            """,
        "falls": """
            ---
            id: falls
            title: 老年人怎样预防跌倒？
            category: vaccination
            updated: 2024-05-03
            tags: [老年人]
            ---
            家里地面保持干燥，浴室安装扶手，夜间留一盏小灯。家里有孩子的，玩具不要放在过道上。
            """,
        "appointment": """
            ---
            id: appointment
            title: 如何预约挂号？
            category: insurance
            updated: 2024-05-04
            tags: [挂号]
            ---
            拨打 12320 或者通过全省统一平台在网上预约挂号，也可以为孩子预约儿科。
            """,
    ]

    /// Each query's results (answer addresses, best first) and whether the page says no answer fits well.
    struct Found: Decodable {
        let results: [String]
        let weak: Bool
        var first: String? { results.first }
    }

    /// - Parameter oneDocumentAFile: the index rewritten as releases before documents came eight to a file wrote it
    ///   (`docs/<n>.json`, no `documentsPerFile`): a page open across a rollback to one.
    static func search(_ queries: [String], synonyms: String? = nil, extra: [String: String] = [:],
                       oneDocumentAFile: Bool = false) async throws -> [String: Found] {
        let fixture = try ProvinceFixture()
        for (id, text) in answers { try fixture.write(text + "\n", to: "Content/answers/province/\(id).md") }
        for (id, text) in extra { try fixture.write(text, to: "Content/answers/province/\(id).md") }
        if let synonyms { try fixture.write(synonyms, to: "Content/search/synonyms.txt") }
        let content = try ContentLoader.load(directory: fixture.content)
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        let harness = """
            const fs = require('fs'), path = require('path');
            const site = process.argv[2];
            const search = require(process.argv[1]).createSearch(url => Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, url)))));
            (async () => {
              const out = {};
              for (const q of JSON.parse(fs.readFileSync(0, 'utf8'))) {
                const found = await search(q);
                out[q] = { results: found.results.map(r => r.doc.u), weak: found.weak };
              }
              process.stdout.write(JSON.stringify(out));
            })();
            """
        if oneDocumentAFile { try Self.splitDocuments(of: fixture.output + "/www.jsnj12320.cn/search") }
        let data = try NodeScript.run(harness, arguments: [ProvinceFixture.repository + "/Templates/assets/search.js", fixture.output + "/www.jsnj12320.cn"],
                                      input: try JSONEncoder().encode(queries))
        return try JSONDecoder().decode([String: Found].self, from: data)
    }

    /// Rewrites the index in `search` as a document a file, and its meta.json without `documentsPerFile`.
    static func splitDocuments(of search: String) throws {
        let metaURL = URL(fileURLWithPath: search + "/meta.json")
        var meta = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: metaURL)) as? [String: Any])
        let perFile = try #require(meta.removeValue(forKey: "documentsPerFile") as? Int)
        try JSONSerialization.data(withJSONObject: meta).write(to: metaURL)
        let count = try #require(meta["documents"] as? Int)
        var documents: [Any] = []
        for file in 0..<(count + perFile - 1) / perFile {
            let url = URL(fileURLWithPath: search + "/docs/\(file).json")
            documents += try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [Any])
            try FileManager.default.removeItem(at: url)
        }
        for (number, document) in documents.enumerated() {
            try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: search + "/docs/\(number).json"))
        }
    }

    /// A page open across a rollback to a release whose index has a document a file still finds the answers.
    @Test func anIndexOfADocumentAFileIsStillRead() async throws {
        let found = try await Self.search(["孩子被狗咬了怎么办", "如何预约挂号"], oneDocumentAFile: true)
        #expect(found["孩子被狗咬了怎么办"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["如何预约挂号"]?.first == "/answers/appointment/", "\(found)")
    }

    /// 孩子 (in most answers) and 怎么 fill a long answer over and over; the one rare word (狗咬) decides.
    @Test func theRareWordOutranksFillerRepeatedInALongAnswer() async throws {
        let found = try await Self.search(["孩子被狗咬了怎么办", "孩子怎么预防狂犬病"])
        #expect(found["孩子被狗咬了怎么办"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["孩子怎么预防狂犬病"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["孩子被狗咬了怎么办"]?.weak == false)
    }

    @Test func aTagATraditionalQueryAndASynonymEachFindTheirAnswer() async throws {
        let found = try await Self.search(["狂犬病", "預約掛號", "老人摔跤了"], synonyms: "跌倒 摔跤\n老人 老年人\n")
        #expect(found["狂犬病"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["預約掛號"]?.first == "/answers/appointment/", "\(found)")
        #expect(found["老人摔跤了"]?.first == "/answers/falls/", "\(found)")
        #expect(found.values.allSatisfy { !$0.weak }, "\(found)")
    }

    /// 狂大 and 挂好: no bigram is on the site, but one character of each is.
    @Test func oneWrongCharacterInAShortQueryFallsBackToSingleCharacters() async throws {
        let found = try await Self.search(["狂大", "挂好"])
        #expect(found["狂大"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["挂好"]?.first == "/answers/appointment/", "\(found)")
        #expect(found.values.allSatisfy { $0.weak }, "single characters are a weak match: \(found)")
    }

    /// A pasted page of text is read up to its first 100 characters, quickly, and still finds the answer they ask about.
    @Test func aVeryLongQueryIsReadQuickly() async throws {
        let query = "孩子被狗咬了怎么办" + String(repeating: "我想问一下这个情况应该怎么处理比较好谢谢", count: 500)
        let clock = ContinuousClock.now
        let found = try await Self.search([query])
        #expect(ContinuousClock.now - clock < .seconds(20))
        #expect(found[query]?.first == "/answers/rabies/", "\(String(describing: found[query]))")
    }

    /// Full-width letters (what Chinese input methods type) reach the synonym list; an ASCII
    /// synonym counts only as a whole word (rabies inside another word is not rabies); a token
    /// named like a property of every JavaScript object is a word like any other.
    @Test func synonymsMatchFoldedWholeWordsAndObjectPropertyNamesAreWords() async throws {
        let found = try await Self.search(["ＲＡＢＩＥＳ", "arabiesque", "constructor 狂犬病"], synonyms: "狂犬病 rabies\n")
        #expect(found["ＲＡＢＩＥＳ"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["arabiesque"]?.results.isEmpty == true, "\(found)")
        #expect(found["constructor 狂犬病"]?.first == "/answers/rabies/", "\(found)")
    }

    /// The title typed in full finds that answer first, though another answer repeats it as the
    /// text of a link to it; a question of question words only (怎么) is no good match.
    @Test func aTitleTypedInFullOutranksALinkRepeatingIt() async throws {
        let found = try await Self.search(["被狗咬伤后怎么处理？", "怎么"], extra: [
            "rabies-local": "---\nid: rabies-local\ntitle: 本市狂犬病门诊\ncategory: vaccination\nupdated: 2024-05-06\n---\n见[被狗咬伤后怎么处理](answer:rabies)。\n",
        ])
        #expect(found["被狗咬伤后怎么处理？"]?.first == "/answers/rabies/", "\(found)")
        #expect(found["怎么"].map { $0.results.isEmpty || $0.weak } == true, "\(found)")
    }

    /// Questions no answer answers: either nothing, or the "no good match" state.
    @Test(arguments: ["牙齿矫正多少钱", "医院停车怎么收费", "孩子减肥药哪种好"])
    func aQuestionWithNoAnswerSaysNoneFitsWell(_ query: String) async throws {
        let results = try await Self.search([query])
        let found = try #require(results[query])
        #expect(found.results.isEmpty || found.weak, "\(found)")
    }

    /// BM25 in hundredths: more occurrences count less and less, a title word counts
    /// as several body words, and a long answer's occurrence counts less than a short one's.
    @Test func termWeightsSaturateFavourTheTitleAndDiscountLength() {
        let short = TermCounts(body: "狂犬病疫苗", fields: [])
        let long = TermCounts(body: "狂犬病疫苗" + String(repeating: "其他内容很多", count: 40), fields: [])
        let titled = TermCounts(body: "狂犬病疫苗", fields: ["狂犬病"])
        let key = SearchTokens.Key.han(UInt64(("狂" as Unicode.Scalar).value) << 32 | UInt64(("犬" as Unicode.Scalar).value))
        let average = 20.0
        #expect(TermCounts.weight(of: short.count(of: key)!, length: short.length, averageLength: average) > TermCounts.weight(of: long.count(of: key)!, length: long.length, averageLength: average))
        #expect(titled.count(of: key) == 1 + SearchIndex.fieldWeight)
        #expect(TermCounts.weight(of: titled.count(of: key)!, length: titled.length, averageLength: average) > TermCounts.weight(of: short.count(of: key)!, length: short.length, averageLength: average))
        #expect(TermCounts.weight(of: 1000, length: short.length, averageLength: average) <= Int32(100 * (TermCounts.saturation + 1)))
        // The title's characters are indexed on their own too, for the single-character fallback; the body's are not.
        #expect(titled.count(of: .han(UInt64(("狂" as Unicode.Scalar).value) << 32)) == SearchIndex.fieldWeight)
        #expect(short.count(of: .han(UInt64(("疫" as Unicode.Scalar).value) << 32)) == nil)
    }
}
