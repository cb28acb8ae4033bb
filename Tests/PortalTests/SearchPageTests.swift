import Content
import Foundation
import Site
import Testing

/// The search page as a resident uses it, its own script run by Node with a
/// stand-in page and network (Tests/Scripts/search-page.js): two searches in
/// quick succession, a network failure, a deploy while the page is open.
struct SearchPageTests {
    struct Shown: Decodable, Equatable {
        let status: String
        let results: [String]
    }

    struct Outcome: Decodable {
        let shown: Shown?
        let first: Shown?
        let second: Shown?
        let before: Shown?
        let after: Shown?
        let requested: [String]?
    }

    static func run(_ scenario: String, site: String, other: String? = nil) throws -> Outcome {
        let harness = "require(process.argv[1])"
        let data = try NodeScript.run(harness, arguments: [ProvinceFixture.repository + "/Tests/Scripts/search-page.js",
                                                           ProvinceFixture.repository + "/Templates/assets/search.js", scenario, site]
                                                            + (other.map { [$0] } ?? []),
                                      input: Data())
        return try JSONDecoder().decode(Outcome.self, from: data)
    }

    /// Builds the ranking tests' answers, and one about 献血, into `fixture`; returns the Nanjing site's folder.
    static func builtSite(_ fixture: borrowing ProvinceFixture, extra: String? = nil) async throws -> String {
        for (id, text) in SearchRankingTests.answers { try fixture.write(text + "\n", to: "Content/answers/province/\(id).md") }
        try fixture.write("---\nid: blood\ntitle: 献血有什么条件？\ncategory: vaccination\nupdated: 2024-05-05\n---\n年满十八周岁的健康人可以献血。\n",
                          to: "Content/answers/province/blood.md")
        if let extra { try fixture.write(extra, to: "Content/answers/province/extra.md") }
        _ = try await SiteBuild(content: try ContentLoader.load(directory: fixture.content), templatesDirectory: fixture.templates,
                                outputDirectory: fixture.output).run()
        return fixture.output + "/www.jsnj12320.cn"
    }

    /// 献血's answer arrives after 挂号's results are shown: it is dropped, not mixed in.
    @Test func onlyTheLatestSearchShowsItsResults() async throws {
        let fixture = try ProvinceFixture()
        let site = try await Self.builtSite(fixture)
        let shown = try #require(try Self.run("race", site: site).shown)
        #expect(shown.results == ["如何预约挂号？"], "\(shown)")
        #expect(shown.status.contains("1 条"), "\(shown)")
    }

    /// A failed request is not remembered: the next search works once the network is back.
    @Test func aFailedFetchIsTriedAgainByTheNextSearch() async throws {
        let fixture = try ProvinceFixture()
        let site = try await Self.builtSite(fixture)
        let outcome = try Self.run("failure", site: site)
        #expect(outcome.first?.status.contains("暂时不可用") == true, "\(String(describing: outcome.first))")
        #expect(outcome.second?.results == ["如何预约挂号？"], "\(String(describing: outcome.second))")
    }

    /// A deploy while the page is open: the next search reads the new build's files only
    /// (their addresses carry its id), so no answer is listed twice or under another's number.
    @Test func aDeployWhileThePageIsOpenIsReadAsOneBuild() async throws {
        let old = try ProvinceFixture()
        let new = try ProvinceFixture()
        let oldSite = try await Self.builtSite(old)
        let newSite = try await Self.builtSite(new, extra: "---\nid: extra\ntitle: 网上挂号平台有哪些？\ncategory: vaccination\nupdated: 2024-05-06\n---\n全省统一挂号平台。\n")
        let oldBuild = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: oldSite + "/search/meta.json"))) as? [String: Any])["build"] as? String
        let newBuild = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: newSite + "/search/meta.json"))) as? [String: Any])["build"] as? String
        #expect(oldBuild != newBuild)
        let outcome = try Self.run("deploy", site: oldSite, other: newSite)
        #expect(outcome.before?.results == ["如何预约挂号？"])
        let after = try #require(outcome.after)
        #expect(Set(after.results) == ["如何预约挂号？", "网上挂号平台有哪些？"], "\(after)")
        let requested = try #require(outcome.requested)
        #expect(requested.filter { !$0.hasPrefix("/search/meta.json") }.allSatisfy { $0.hasSuffix("?b=\(newBuild!)") }, "\(requested)")
    }
}
