import Content
import Foundation
import Site
import Testing

struct SiteBuildTests {
    @discardableResult
    func build(_ fixture: borrowing ProvinceFixture, output: String? = nil, cities: Set<String> = []) async throws -> SiteBuild.Report {
        let content = try ContentLoader.load(directory: fixture.content)
        return try await SiteBuild(content: content, templatesDirectory: fixture.templates,
                                   outputDirectory: output ?? fixture.output, onlyCities: cities).run()
    }

    @Test func eachOpenedCityAndTheHubGetASite() async throws {
        let fixture = try ProvinceFixture()
        let report = try await build(fixture)
        #expect(report.sites == 3)
        let entries = try FileManager.default.contentsOfDirectory(atPath: fixture.output).sorted()
        #expect(entries == [".portal12320-output", "held-back.json", "nginx", "review-ledger.json", "www.js12320.cn", "www.jsnj12320.cn", "www.jssz12320.cn"])
        let hub = try fixture.read("dist/www.js12320.cn/index.html")
        #expect(hub.contains("https://www.jsnj12320.cn/"))
        #expect(hub.contains("<a href=\"https://www.js12320.cn/cities/sq/\"><span class=\"city-name\">宿迁市</span> <span class=\"city-status\">筹建中"))
        #expect(!hub.contains("https://www.jssq12320.cn/"))
        for page in ["index.html", "404.html", "categories/vaccination/index.html", "answers/flu/index.html",
                     "sitemap.xml", "feed.xml", "robots.txt", "release-manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(fixture.output)/www.jsnj12320.cn/\(page)"), "\(page)")
        }
        // Assets carry a content hash in their names, and the pages use those names.
        let assets = try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/www.jsnj12320.cn/assets").sorted()
        #expect(assets.count == 4)
        #expect(assets[0].wholeMatch(of: /logo\.[0-9a-f]{10}\.svg/) != nil)
        #expect(assets[1].wholeMatch(of: /mode\.[0-9a-f]{10}\.js/) != nil)
        #expect(assets[2].wholeMatch(of: /search\.[0-9a-f]{10}\.js/) != nil)
        #expect(assets[3].wholeMatch(of: /style\.[0-9a-f]{10}\.css/) != nil)
        let home = try fixture.read("dist/www.jsnj12320.cn/index.html")
        #expect(home.contains("href=\"/assets/\(assets[3])\"") && home.contains("src=\"/assets/\(assets[1])\""))
        #expect(try fixture.read("dist/www.jsnj12320.cn/search/index.html").contains("src=\"/assets/\(assets[2])\""))
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/nginx/www.jsnj12320.cn.conf"))
    }

    /// The hub publishes the provincial answers, searchable, and gives each
    /// planned city a page of the answers its residents can already use.
    @Test func theHubServesProvincialAnswersAndPlannedCities() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let hub = fixture.output + "/www.js12320.cn"
        let home = try fixture.read("dist/www.js12320.cn/index.html")
        #expect(home.contains("href=\"/answers/flu/\"") && home.contains("href=\"/categories/vaccination/\""))
        #expect(home.contains("action=\"/search/\""))
        #expect(FileManager.default.fileExists(atPath: hub + "/answers/flu/index.html"))
        #expect(FileManager.default.fileExists(atPath: hub + "/search/meta.json"))
        // Only provincial answers: a city's own answer stays on its city's site.
        #expect(!FileManager.default.fileExists(atPath: hub + "/answers/nj-clinic/index.html"))
        let planned = try fixture.read("dist/www.js12320.cn/cities/sq/index.html")
        #expect(planned.contains("<h1>宿迁市居民可用的答复</h1>") && planned.contains("宿迁市测试地址"))
        #expect(planned.contains("href=\"/answers/flu/\""))
        #expect(!planned.contains("nj-clinic"))
        #expect(!FileManager.default.fileExists(atPath: hub + "/cities/nj"), "opened cities have their own site")
        // Every city site's footer leads residents of a planned city there.
        #expect(try fixture.read("dist/www.jsnj12320.cn/index.html").contains("href=\"https://www.js12320.cn/cities/sq/\""))
    }

    @Test func privateAnswersAppearInNoOutputFile() async throws {
        let fixture = try ProvinceFixture()
        let report = try await build(fixture)
        #expect(report.heldBack.isEmpty)
        #expect(report.privateReplies == 2)
        let files = fixture.files(under: "dist")
        #expect(!files.isEmpty)
        for file in files {
            let text = try fixture.read("dist/" + file)
            for secret in ["PRIVATE-PROVINCE-MARKER", "PRIVATE-NANJING-MARKER", "caller-reply", "nj-reply", "个别答复"] {
                #expect(!text.contains(secret), "\(secret) in \(file)")
            }
        }
    }

    @Test func cityOverrideReplacesTheProvincialAnswerOnThatCityOnly() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let suzhou = try fixture.read("dist/www.jssz12320.cn/answers/insurance-basic/index.html")
        #expect(suzhou.contains("SUZHOU-OVERRIDE-TEXT"))
        #expect(!suzhou.contains("PROVINCE-INSURANCE-TEXT"))
        let nanjing = try fixture.read("dist/www.jsnj12320.cn/answers/insurance-basic/index.html")
        #expect(nanjing.contains("PROVINCE-INSURANCE-TEXT"))
        #expect(!fixture.files(under: "dist").contains { $0.contains("sz-insurance") })
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/www.jsnj12320.cn/answers/nj-clinic"))
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/www.jssz12320.cn/answers/nj-clinic"))
    }

    @Test func answerLinksPointToTheAnswerPageOnTheSameSite() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let clinic = try fixture.read("dist/www.jsnj12320.cn/answers/nj-clinic/index.html")
        #expect(clinic.contains("<a href=\"/answers/flu/\">流感疫苗</a>"))
        let flu = try fixture.read("dist/www.jssz12320.cn/answers/flu/index.html")
        #expect(flu.contains("<a href=\"/answers/insurance-basic/\">医保报销</a>"))
    }

    @Test func linkToAMissingOrPrivateAnswerFailsWithItsLine() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/nj/nj-clinic.md", replacing: "(answer:flu)", with: "(answer:nj-reply)")
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].file.hasSuffix("answers/nj/nj-clinic.md"))
        #expect(error.issues[0].line == 7)
        #expect(error.issues[0].message.contains("answer:nj-reply"))
    }

    @Test func everyPageCarriesTheLogoAndSlogan() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let pages = fixture.files(under: "dist").filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for page in pages {
            let html = try fixture.read("dist/" + page)
            #expect(html.contains(/src="\/assets\/logo\.[0-9a-f]{10}\.svg"/), "\(page)")
            #expect(html.contains("测试口号守护健康"), "\(page)")
        }
    }

    @Test func templateThatDropsTheBrandingFailsNamingIt() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/category.mustache", replacing: "{{> header}}", with: "<header>自定义页眉</header>")
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].file == fixture.templates + "/category.mustache")
        #expect(error.issues[0].message.contains("logo"))
        #expect(error.issues[0].message.contains("slogan"))
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture, output: fixture.root + "/one")
        try await build(fixture, output: fixture.root + "/two")
        let one = fixture.files(under: "one")
        #expect(one == fixture.files(under: "two"))
        for file in one {
            let first = FileManager.default.contents(atPath: fixture.root + "/one/" + file)
            let second = FileManager.default.contents(atPath: fixture.root + "/two/" + file)
            #expect(first == second, "\(file) differs")
        }
    }

    /// Unchanged files are hard-linked from the previous output; a page whose
    /// text changed but whose size did not must still be written anew.
    @Test func anEditThatKeepsThePageSizeReachesTheRebuiltPage() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let page = "dist/www.jsnj12320.cn/answers/flu/index.html"
        let before = try fixture.read(page)
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年接种两次")
        try await build(fixture)
        let after = try fixture.read(page)
        #expect(after.utf8.count == before.utf8.count)
        #expect(after.contains("建议每年接种两次"))
        #expect(!after.contains("建议每年接种一次"))
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let before = try snapshot(fixture)
        // The branding check fails while pages are being written: half-way through.
        try fixture.edit("Templates/answer.mustache", replacing: "{{> header}}", with: "")
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "NEW-TEXT")
        await #expect(throws: ContentErrors.self) { try await build(fixture) }
        #expect(try snapshot(fixture) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix("dist.") }
        #expect(leftovers.isEmpty)
    }

    /// One city's build makes its site and the hub. It keeps other sites of the output only as the sites' record
    /// vouches for them (written by `build`, with its memory: `CityBuildTests`); a build without one refuses to.
    @Test func buildingOneCityMakesItsSiteAndTheHubAndKeepsNoSiteBlindly() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture, output: fixture.root + "/alone", cities: ["nj"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/alone").filter { $0.hasPrefix("www.") }.sorted()
            == ["www.js12320.cn", "www.jsnj12320.cn"])

        try await build(fixture)
        let before = try snapshot(fixture)
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "CHANGED-FLU-TEXT")
        await #expect(throws: ContentErrors.self) { try await build(fixture, cities: ["nj"]) }
        #expect(try snapshot(fixture) == before)
    }

    @Test func sitemapAndFeedUseAbsoluteURLsAndAnswerDates() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let sitemap = try fixture.read("dist/www.jsnj12320.cn/sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://www.jsnj12320.cn/answers/flu/</loc><lastmod>2024-09-10</lastmod></url>"))
        #expect(!sitemap.contains("<loc>/"))
        let feed = try fixture.read("dist/www.jsnj12320.cn/feed.xml")
        #expect(feed.contains("<updated>2024-09-10T00:00:00+08:00</updated>"))
        #expect(feed.contains("<id>https://www.jsnj12320.cn/answers/nj-clinic/</id>"))
        #expect(try fixture.read("dist/www.jsnj12320.cn/robots.txt").contains("Sitemap: https://www.jsnj12320.cn/sitemap.xml"))
    }

    private func snapshot(_ fixture: borrowing ProvinceFixture) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in fixture.files(under: "dist") {
            result[file] = FileManager.default.contents(atPath: fixture.output + "/" + file)
        }
        return result
    }
}
