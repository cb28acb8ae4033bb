import Content
import Foundation
import Review
import Site
import Testing

struct ReviewBoardTests {
    func board(_ fixture: borrowing ProvinceFixture) throws -> ReviewBoard {
        try ReviewBoard(content: try ContentLoader.load(directory: fixture.content))
    }

    func approve(_ reference: String, _ fixture: borrowing ProvinceFixture, note: String = "") throws {
        try fixture.submitAndApprove(reference, note: note)
    }

    @Test func underReviewAllNothingIsPublishedWithoutApproval() throws {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        let statuses = try board(fixture).reviews.filter { $0.answer.visibility == .public }.map(\.status)
        #expect(!statuses.isEmpty)
        #expect(statuses.allSatisfy { $0 == .awaitingReview })
        try approve("province/flu", fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .publishable)
    }

    @Test func aLexiconChangeThatAddsAFindingSendsTheAnswerBack() throws {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try approve("province/flu", fixture)
        #expect(try board(fixture).review(of: "province/flu")?.status == .publishable)
        try fixture.write("医托\n回扣\n每年接种\n", to: "Content/lexicon/sensitive.txt")
        let review = try #require(try board(fixture).review(of: "province/flu"))
        #expect(review.findings.map(\.term) == ["每年接种"])
        #expect(review.status == .awaitingReview)
    }

    @Test func underReviewFlaggedOnlyAnswersWithFindingsWait() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/nj/nj-clinic.md", replacing: "NANJING-CLINIC-TEXT", with: "谨防医托。")
        let board = try board(fixture)
        #expect(board.review(of: "province/flu")?.status == .publishable)
        #expect(board.review(of: "nj/nj-clinic")?.status == .awaitingReview)
    }

    @Test func linkToAHeldBackAnswerBecomesPlainText() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/insurance-basic.md", replacing: "PROVINCE-INSURANCE-TEXT", with: "不归我们管")
        let content = try ContentLoader.load(directory: fixture.content)
        let report = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        #expect(report.heldBack.map(\.item.reference) == ["province/insurance-basic"])
        let flu = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(flu.contains("另见医保报销。"))
        #expect(!flu.contains("insurance-basic"))
    }

    @Test func aMissingLedgerUnderReviewAllIsAnErrorNotAnEmptyLedger() throws {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try FileManager.default.removeItem(atPath: fixture.content + "/reviews.jsonl")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.map(\.file) == [fixture.content + "/reviews.jsonl"])
        // Unreadable is as bad as missing.
        try FileManager.default.createDirectory(atPath: fixture.content + "/reviews.jsonl", withIntermediateDirectories: false)
        #expect(throws: ContentErrors.self) { try board(fixture) }
    }

    @Test(arguments: [
        ("slogan: 测试口号守护健康", "slogan: 测试口号内部 资料", "`slogan`"),
        ("address: 南京市测试地址", "address: 南京市测试地址 联系人13812345678", "`cities[0].address`"),
        ("name: 测试省", "name: \"\\u5185\\u90E8\\u8D44\\u6599\"", "`name`"),
        // A term that needs a reviewer's decision: nobody reviews portal.yml, and its slogan is on every page.
        ("slogan: 测试口号守护健康", "slogan: 测试口号医托请找我们", "`slogan`"),
    ])
    func classifiedTermsAndPersonalDataInPortalYmlFailNamingTheKey(_ old: String, _ new: String, _ key: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: old, with: new)
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.message.hasPrefix(key) == true, "\(error)")
        #expect(error.issues.first?.file.hasSuffix("portal.yml") == true)
        #expect(error.issues.first.map { !$0.message.contains("13812345678") } == true, "a caller's number is never echoed")
    }

    /// A rare character in portal.yml (a place's name, `甪直`) fails the build, as nobody reviews it, with a fix an
    /// operator can follow: the allow list, which then lets it through. Found by the review of 2026-12-02 (third session).
    @Test func aRareCharacterInPortalYmlSaysToAllowItWhenItIsRight() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "address: 南京市测试地址", with: "address: 南京市甪直镇测试地址")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.message.hasPrefix("`cities[0].address` contains `甪`") == true, "\(error)")
        #expect(error.issues.first?.fix.contains("lexicon/allow.txt") == true)
        let allow = fixture.content + "/lexicon/allow.txt"
        let allowed = try String(contentsOfFile: allow, encoding: .utf8) + "\n甪直镇\n"
        try allowed.write(toFile: allow, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try board(fixture) }
    }

    /// Every page draws the logo: an SVG's text is text a reader sees, and nobody reviews it.
    @Test(arguments: [
        ("<text x=\"1\" y=\"9\">内部资料</text>", "classified"),
        ("<title>内<tspan>部</tspan>资料 不得外传</title>", "classified"),
        ("<text><![CDATA[请回电13812345678]]></text>", "personal data"),
        ("<desc>&#x5185;&#x90E8;&#x8D44;&#x6599;</desc>", "classified"),
        ("<title>医托请找我们</title>", "nobody reviews"),
        // Found by the second attack of 2026-12-02: a `>` in a quoted value, entities of a document type.
        ("<text>内部<tspan class=\"a>zz\">资料</tspan></text>", "classified"),
        ("<text>138<tspan class='b>qq'>12345678</tspan></text>", "personal data"),
        ("<!-- a comment > --><text>内部<!-- > -->资料</text>", "classified"),
    ])
    func aLogoShowingATermOrACallersNumberFailsTheBuild(_ text: String, _ said: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.write("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\(text)</svg>\n", to: "Content/logo.svg")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.map { ($0.file as NSString).lastPathComponent } == ["logo.svg"], "\(error)")
        #expect(error.issues.first?.message.contains(said) == true, "\(error)")
        #expect(error.issues.first.map { !$0.message.contains("13812345678") } == true, "a caller's number is never echoed")
    }

    @Test func aLogoDeclaringEntitiesFailsTheBuild() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"内部\"><!ENTITY b \"资料\">]>\n"
                          + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;&b;</text></svg>\n", to: "Content/logo.svg")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.map(\.message) == ["The logo declares a document type or entities, whose text no check reads."], "\(error)")
        // An image inside the logo, whose text no reading sees (found by a review of 934b58d).
        try fixture.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"DATA:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/></svg>\n",
                          to: "Content/logo.svg")
        let embedded = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(embedded.issues.map(\.message) == ["The logo embeds another image (a data: address), whose text no check reads."])
        // A document type without entities, as drawing programs write it, is read past.
        try fixture.write("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                          + "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>江苏12320</title></svg>\n", to: "Content/logo.svg")
        _ = try board(fixture)
    }

    @Test func anOfficeLandlineInAContactKeyIsPublic() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "phone: \"12320\"", with: "phone: \"025-83359000\"")
        _ = try board(fixture)
    }

    @Test func missingLexiconStopsEverything() throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.removeItem(atPath: fixture.content + "/lexicon")
        let error = try #require(throws: ContentErrors.self) { try board(fixture) }
        #expect(error.issues.first?.message.contains("lexicon folder is missing") == true)
    }
}
