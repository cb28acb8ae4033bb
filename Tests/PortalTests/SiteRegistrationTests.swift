import Content
import Foundation
import Site
import Testing

/// Every page of a public-institution site shows its filings, sponsor and
/// site code, links its privacy statement and error-report page, and carries
/// the government page metadata; a city without them does not build.
struct SiteRegistrationTests {
    @discardableResult
    func build(_ fixture: borrowing ProvinceFixture) async throws -> SiteBuild.Report {
        let content = try ContentLoader.load(directory: fixture.content)
        return try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
    }

    @Test func everyPageOfEverySiteShowsItsOwnFilingsAndLinks() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let own = [
            "www.jsnj12320.cn": ["测ICP备00000000号-2", "测公网安备 32010000000001号", "网站标识码：3201000000", "主办单位：测试省卫生健康委员会"],
            "www.jssz12320.cn": ["测ICP备00000000号-3", "主办单位：测试省卫生健康委员会"],
            "www.js12320.cn": ["测ICP备00000000号-1", "主办单位：测试省卫生健康委员会"],
        ]
        for (site, shown) in own {
            let pages = fixture.files(under: "dist/\(site)").filter { $0.hasSuffix(".html") }
            #expect(pages.contains("privacy/index.html") && pages.contains("report-error/index.html"), "\(site)")
            for page in pages {
                let html = try fixture.read("dist/\(site)/\(page)")
                for text in shown { #expect(html.contains(text), "\(site)/\(page) lacks \(text)") }
                #expect(html.contains("href=\"/privacy/\"") && html.contains("href=\"/report-error/\""), "\(site)/\(page)")
                #expect(html.contains("<meta name=\"SiteName\"") && html.contains("<meta name=\"SiteDomain\" content=\"\(site)\">"), "\(site)/\(page)")
                // Another site's filing number is never shown.
                for (other, texts) in own where other != site { #expect(!html.contains(texts[0]), "\(site)/\(page) shows \(other)'s ICP number") }
            }
        }
        let nanjing = try fixture.read("dist/www.jsnj12320.cn/index.html")
        #expect(nanjing.contains("<meta name=\"SiteIDCode\" content=\"3201000000\">"))
        #expect(nanjing.contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=32010000000001\""))
        #expect(try fixture.read("dist/www.jsnj12320.cn/privacy/index.html").contains("本站不收集访问者的个人信息。"))
    }

    @Test func answerAndCategoryPagesCarryTheirColumnAndArticleMetadata() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture)
        let answer = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        for tag in ["<meta name=\"ColumnName\" content=\"预防接种\">", "<meta name=\"ColumnType\" content=\"互动交流\">",
                    "<meta name=\"ArticleTitle\" content=\"流感疫苗每年都要接种吗？\">", "<meta property=\"og:type\" content=\"article\">",
                    "<meta property=\"og:url\" content=\"https://www.jsnj12320.cn/answers/flu/\">", "更新日期："] {
            #expect(answer.contains(tag), "\(tag)")
        }
        #expect(answer.contains(/<meta name="PubDate" content="\d{4}-\d{2}-\d{2} \d{2}:\d{2}">/))
        #expect(answer.contains(/<meta name="ContentSource" content="[^"]+">/))
        let category = try fixture.read("dist/www.jsnj12320.cn/categories/insurance/index.html")
        #expect(category.contains("<meta name=\"ColumnName\" content=\"医疗保障\">"))
        #expect(!category.contains("ArticleTitle"))
        let home = try fixture.read("dist/www.jsnj12320.cn/index.html")
        #expect(home.contains(/更新日期：<time datetime="\d{4}-\d{2}-\d{2}">/))
    }

    /// The required keys, each removed in turn from a city that has no default for it.
    @Test(arguments: ["icp", "sponsor", "privacy"])
    func anOpenedCityWithoutARequiredKeyFailsNamingCityAndKey(_ key: String) throws {
        let fixture = try ProvinceFixture()
        switch key {
        case "icp": try fixture.edit("Content/portal.yml", replacing: "    icp: 测ICP备00000000号-3\n", with: "")
        case "sponsor": try fixture.edit("Content/portal.yml", replacing: "  sponsor: 测试省卫生健康委员会\n", with: "")
        default: try fixture.edit("Content/portal.yml", replacing: "  privacy: privacy.md\n", with: "")
        }
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains("苏州市 has no `\(key)`") }, "\(error)")
        // The planned city has none of them and is not named.
        #expect(!error.issues.contains { $0.message.contains("宿迁市") })
    }

    @Test(arguments: [
        ("    icp: 测ICP备00000000号-3", "    icp: ICP 12345", "`icp`"),
        ("    icp: 测ICP备00000000号-3", "    icp: \"测ICP备00000000号-3<script>\"", "`icp`"),
        ("    site_code: \"3201000000\"", "    site_code: \"32010\"", "`site_code`"),
        ("    site_code: \"3201000000\"", "    site_code: \"3201000000\\\" x=\\\"\"", "`site_code`"),
        ("code=32010000000001", "code=32010000000002", "`police_record` link"),
        ("link: \"https://beian", "link: \"javascript://beian", "`police_record` link"),
        ("测公网安备 32010000000001号", "测公网安备 3201000000001号", "`police_record`"),
        ("  privacy: privacy.md", "  privacy: ../../etc/passwd", "`privacy`"),
        ("  privacy: privacy.md", "  privacy: missing.md", "`privacy`"),
        ("  privacy: privacy.md", "  privacy: answers", "`privacy`"),
        // Content files that publish only through review, or never, are no privacy statement or logo.
        ("  privacy: privacy.md", "  privacy: answers/nj/nj-reply.md", "`privacy`"),
        ("  privacy: privacy.md", "  privacy: people.yml", "`privacy`"),
        ("  privacy: privacy.md", "  privacy: reviews.jsonl", "`privacy`"),
        ("logo: logo.svg", "logo: answers/nj/nj-reply.md", "`logo`"),
    ])
    func aMalformedValueIsRefusedNamingItsKey(_ old: String, _ new: String, _ named: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: old, with: new)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains(named) && $0.file.hasSuffix("portal.yml") && $0.line != nil }, "\(error)")
    }

    /// A link inside the content folder, or a `./` in front, does not make a private reply a privacy statement.
    @Test(arguments: ["  privacy: ./answers/nj/nj-reply.md", "  privacy: legal/statement.md"])
    func aPrivacyStatementThatIsReallyAnAnswerIsRefused(_ line: String) throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.createDirectory(atPath: fixture.content + "/legal", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.content + "/legal/statement.md", withDestinationPath: "../answers/nj/nj-reply.md")
        try fixture.edit("Content/portal.yml", replacing: "  privacy: privacy.md", with: line)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains("is not a privacy statement of its own") }, "\(error)")
    }

    @Test func aLogoLinkedToAnAnswerIsRefused() throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.removeItem(atPath: fixture.content + "/logo.svg")
        try FileManager.default.createSymbolicLink(atPath: fixture.content + "/logo.svg", withDestinationPath: "answers/nj/nj-reply.md")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains("`logo`") && $0.message.contains("not an image") }, "\(error)")
    }

    @Test func aPrivacyStatementLinkedOutOfTheContentFolderIsRefused() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("外部文件\n", to: "elsewhere.md")
        try FileManager.default.removeItem(atPath: fixture.content + "/privacy.md")
        try FileManager.default.createSymbolicLink(atPath: fixture.content + "/privacy.md", withDestinationPath: fixture.root + "/elsewhere.md")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.message.contains("`privacy`") && $0.message.contains("outside") }, "\(error)")
    }

    /// Classified text hidden by markup, in the privacy statement that every page links, stops the build.
    @Test func aPrivacyStatementWithClassifiedTextFailsTheBuild() async throws {
        let fixture = try ProvinceFixture()
        let classified = try #require(try fixture.read("Content/lexicon/classified.txt").split(separator: "\n")
            .first { !$0.hasPrefix("#") && !$0.isEmpty }?.split(separator: "\t").first).map(String.init)
        let hidden = "\(classified.prefix(1))<!---->\(classified.dropFirst())"
        try fixture.write("本站说明。\n\n第二段\(hidden)。\n", to: "Content/privacy.md")
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.contains { $0.file.hasSuffix("privacy.md") && $0.line == 3 && $0.message.contains("privacy statement") }, "\(error)")
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }

    /// A sensitive term would send an answer to a reviewer; nobody reviews the statement, so it stops the build.
    @Test func aPrivacyStatementWithATermForReviewFailsTheBuild() async throws {
        let fixture = try ProvinceFixture()
        let term = try #require(try fixture.read("Content/lexicon/sensitive.txt").split(separator: "\n")
            .first { !$0.hasPrefix("#") && !$0.isEmpty }?.split(separator: "\t").first).map(String.init)
        try fixture.write("本站说明：\(term)。\n", to: "Content/privacy.md")
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.contains { $0.file.hasSuffix("privacy.md") && $0.message.contains("nobody reviews") }, "\(error)")
    }

    /// What only a `<meta>`, an HTML comment or another line happens to hold is not the footer showing it.
    @Test(arguments: [
        ("<p>主办单位：{{sponsor}}{{#hasOrganizer}}", "<p>{{#hasOrganizer}}", "the sponsor"),
        ("<span class=\"site-info-item\">网站标识码：{{siteCode}}</span>", "", "the website identification code"),
        ("<p><a href=\"{{icpLink}}\" rel=\"noopener\">{{icp}}</a>", "<!-- <a>{{icp}}</a> --><p>", "the ICP filing number"),
    ])
    func aFooterThatOnlySeemsToShowAValueFails(_ old: String, _ new: String, _ named: String) async throws {
        let fixture = try ProvinceFixture()
        // The address begins with the sponsor's name, as real addresses do.
        try fixture.edit("Content/portal.yml", replacing: "    address: 南京市测试地址", with: "    address: 测试省卫生健康委员会南京办公室")
        try fixture.edit("Templates/footer.mustache", replacing: old, with: new)
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.contains { $0.message.contains(named) }, "\(error)")
    }

    @Test func aThemeThatDropsTheFilingsFailsTheBuildNamingTheTemplate() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/footer.mustache", replacing: "<a href=\"{{icpLink}}\" rel=\"noopener\">{{icp}}</a>", with: "")
        let error = try await #require(throws: ContentErrors.self) { try await build(fixture) }
        #expect(error.issues.contains { $0.message.contains("the ICP filing number") && $0.file.hasSuffix(".mustache") }, "\(error)")
        let second = try ProvinceFixture()
        try second.edit("Templates/footer.mustache", replacing: "<a href=\"{{errorReportURL}}\">网站纠错</a>", with: "")
        let other = try await #require(throws: ContentErrors.self) { try await build(second) }
        #expect(other.issues.contains { $0.message.contains("error-report page") }, "\(other)")
    }
}
