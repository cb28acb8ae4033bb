import Content
import Foundation
@testable import Site
import Testing

/// `check --links`: every link and anchor of the built sites resolves, or is counted against the site's budget.
struct LinkCheckTests {
    func check(_ fixture: borrowing ProvinceFixture) async throws -> LinkCheck {
        let content = try ContentLoader.load(directory: fixture.content)
        let pages = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: "").pages()
        return try await LinkCheck(pages: pages, province: content.province, external: nil)
    }

    /// Navigation, footers, feeds, assets, the hub's and planned cities' pages: all of it leads somewhere.
    @Test func theBuiltSitesHaveNoDeadLink() async throws {
        let fixture = try ProvinceFixture()
        let result = try await check(fixture)
        #expect(result.sites.map(\.domain) == ["www.js12320.cn", "www.jsnj12320.cn", "www.jssz12320.cn"])
        for site in result.sites {
            #expect(site.dead.isEmpty, "\(site.domain): \(site.dead)")
            #expect(site.internalLinks > 50)
            #expect(site.externalLinks > 0, "the ICP filing links the ministry's site")
        }
        #expect(!result.overBudget)
        #expect(result.external.skipped == "not asked (--links-offline)")
    }

    @Test func deadPagesAnchorsAndClimbsAreCountedAgainstTheBudget() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: """
            建议每年接种一次，见[旧页面](/answers/no-such/)、[本页锚点](#no-anchor)、[上级](../../../../etc/passwd)、\
            [南京](https://www.jsnj12320.cn/answers/gone/)、[正文](#main)、[首页](/)和[搜索](/search/?q=流感)
            """)
        let result = try await check(fixture)
        let nanjing = try #require(result.sites.first { $0.domain == "www.jsnj12320.cn" })
        let reasons = Dictionary(uniqueKeysWithValues: nanjing.dead.map { ($0.target, $0.reason) })
        #expect(Set(reasons.keys) == ["/answers/no-such/", "#no-anchor", "../../../../etc/passwd", "https://www.jsnj12320.cn/answers/gone/"])
        #expect(nanjing.dead.allSatisfy { $0.page == "www.jsnj12320.cn/answers/flu/index.html" })
        #expect(reasons["#no-anchor"]?.contains("#no-anchor") == true && reasons["../../../../etc/passwd"]?.contains("root") == true)
        #expect(reasons["/answers/no-such/"] == "no such page on the built site")
        #expect(result.overBudget)

        try fixture.edit("Content/portal.yml", replacing: "cities:\n", with: "inspection:\n  dead_links_allowed: 4\ncities:\n")
        #expect(try await check(fixture).overBudget == false)
    }

    @Test(arguments: [
        ("/answers/a/", LinkTarget.local(path: "s/answers/a/", fragment: nil)),
        ("../b/#top", .local(path: "s/answers/b/", fragment: "top")),
        ("?mode=elder", .local(path: "s/answers/a/index.html", fragment: nil)),
        ("#main", .local(path: "s/answers/a/index.html", fragment: "main")),
        ("https://s/x?y=1", .local(path: "s/x", fragment: nil)),
        ("HTTPS://S/", .local(path: "s/", fragment: nil)),
        ("https://example.org/a", .external("https://example.org/a")),
        ("//example.org/a", .external("https://example.org/a")),
        ("tel:12320", .elsewhere),
        ("javascript:alert(1)", .broken("a `javascript:` link runs in the browser")),
        ("/../x", .broken("it climbs above the site's root")),
        ("/media/%E5%9B%BE.png", .local(path: "s/media/图.png", fragment: nil)),
        ("", .broken("the address is empty (written empty, or dropped as unsafe)")),
        ("https:www.example.org", .broken("an http address needs `//` after the colon")),
    ])
    func aLinkResolvesAsABrowserWouldFollowIt(_ link: String, _ target: LinkTarget) {
        #expect(LinkTarget(link, page: "s/answers/a/index.html", domains: ["s"]) == target)
    }
}
