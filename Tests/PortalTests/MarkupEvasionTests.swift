@testable import Content
import Foundation
import Moderation
import Review
import Site
import Testing

/// The gate judges what a reader sees, not the bytes of the file: markup,
/// character references, YAML escapes and white space that hide a classified
/// term or a caller's number from a scan of the source do not get it into
/// `dist/`, even under `review: flagged`, where a clean answer publishes
/// without a decision. Ordinary text around the same tricks still publishes.
struct MarkupEvasionTests {
    /// One answer file: `title` (a YAML value as written) and `body`.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let title: String
        let body: String
        let tags: String
        var testDescription: String { name }

        init(_ name: String, title: String = "一个问题", body: String, tags: String = "[]") {
            self.name = name
            self.title = title
            self.body = body
            self.tags = tags
        }

        func file(id: String, marker: String) -> String {
            "---\nid: \(id)\ntitle: \(title)\ncategory: vaccination\nupdated: 2024-09-01\ntags: \(tags)\n---\n\(marker) 正文开始。\n\n\(body)\n"
        }
    }

    static let evasions: [Case] = [
        .init("an empty HTML comment", body: "内部<!---->资料"),
        .init("a comment with words", body: "代<!-- 这里是很长的一段注释文字 -->孕"),
        .init("empty inline tags", body: "代<b></b>孕"),
        .init("tags with attributes", body: "内<span class=\"x\" title=\"y\">部资</span>料"),
        .init("an empty link", body: "代[](x)孕"),
        .init("an empty image", body: "内部![](https://example.org/a.png)资料"),
        .init("emphasis inside a number", body: "电话1381234**5678**"),
        .init("code spans in a number", body: "电话`138`**1234**`5678`"),
        .init("an HTML5 named reference", body: "代&ZeroWidthSpace;孕"),
        .init("named spaces in a number", body: "138&numsp;1234&numsp;5678"),
        .init("numeric references in a number", body: "&#x31;&#x33;&#x38;&#32;&#49;&#50;&#51;&#52;&#x35;&#x36;&#x37;&#x38;"),
        .init("a YAML unicode escape in the title", title: "\"\\u5185\\u90E8\\u8D44\\u6599\"", body: "普通正文"),
        .init("a YAML hex escape in a tag", body: "普通正文", tags: "[\"\\x31\\x33\\x38\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\"]"),
        .init("a folded YAML title", title: ">-\n  内部\n  资料", body: "普通正文"),
        .init("a term split across tags, shown side by side", body: "普通正文", tags: "[内部, 资料]"),
        .init("a number split across tags", body: "普通正文", tags: "['139', '1234', '5678']"),
        .init("many spaces between characters", body: "代          孕"),
        .init("three spaces in a number", body: "电话138   1234   5678"),
        .init("tabs in a number", body: "电话138\t1234\t5678"),
        .init("soft line breaks in a number", body: "电话138\n1234\n5678"),
        .init("paragraphs in a number", body: "电话138\n\n1234\n\n5678"),
        .init("a resident ID across list items", body: "- 320102\n- 19800101\n- 1238"),
        .init("a percent-encoded link target", body: "[点此](https://example.org/%E5%86%85%E9%83%A8%E8%B5%84%E6%96%99)"),
        .init("a phone number in a link target", body: "[联系](tel:%2B86%20138%201234%205678)"),
        .init("a link title", body: "[点此](https://example.org/ \"代&ZeroWidthSpace;孕\")"),
        .init("an image alt text", body: "![内部<!-- -->资料](https://example.org/a.png)"),
        .init("a right-to-left override", body: "\u{202E}料资部内"),
        .init("an ordered list's start number", body: "139123455. 见下\n1. 78"),
        .init("an ordered list's start number, ID", body: "320102197. 见下\n1. 001011238"),
        .init("code points drawn as nothing", body: "内\u{FFF0}部资料 139\u{FFF3}1234\u{FFF8}5678"),
        .init("strokes drawn as 一", body: "电话㇐三九ー二三四五六七八"),
        .init("bullets between digit groups", body: "电话139•1234•5678"),
    ]

    static let controls: [Case] = [
        .init("a date range", body: "活动时间2024.09.10—2024.12.31，逢周一休息。"),
        .init("dates in a table-like list", body: "- 2024-09-10\n- 2024-12-31\n- 2025-01-01"),
        .init("markup in ordinary text", body: "请**按时**接种<!-- 注释 -->，详见[说明](https://example.org/a%20b)。"),
        .init("numbers in prose", body: "全省共有 1 2 3 家接种点，2023 年接种 4500 万剂次。"),
        .init("a YAML escape of ordinary text", title: "\"\\u6D41\\u611F\\u75AB\\u82D7\"", body: "每年一次。"),
        .init("the hotline spaced", body: "请拨打 1 2 3 2 0 咨询。"),
        .init("a heading, then a paragraph", body: "## 科室内部\n\n资料准备：身份证、医保卡。"),
        .init("list items", body: "- 病区内部\n- 资料室\n- 药房"),
        .init("a list of room numbers", body: "接种室位于6201、6202、6203、6204室。"),
    ]

    func fixture(with cases: [Case], prefix: String) throws -> ProvinceFixture {
        let fixture = try ProvinceFixture()
        for (index, item) in cases.enumerated() {
            try fixture.write(item.file(id: "\(prefix)-\(index)", marker: "QZX\(prefix)\(index)MARK"), to: "Content/answers/nj/\(prefix)-\(index).md")
        }
        return fixture
    }

    @Test(arguments: evasions)
    func evasionIsABlockingFindingAtItsLine(_ evasion: Case) throws {
        let fixture = try fixture(with: [evasion], prefix: "evasion")
        let path = fixture.content + "/answers/nj/evasion-0.md"
        let report = try ModerationReport.scan(files: [path], with: ReviewBoard.moderator(for: fixture.content))
        let findings = report.documents[0].findings
        #expect(report.hasBlockingFindings, "\(findings)")
        // The line is in the file: the title's (line 3), the tags' (line 6) or the body's (8 on).
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(findings.allSatisfy { (1...lines).contains($0.line) }, "\(findings)")
    }

    /// How the answers were read: keeping what readers see (the preview); giving it up as soon as read, moderation
    /// deriving it again from the source; or as `build` reads them, each moderated as it is read, then giving it up
    /// (``FindingsCache/scanAsRead(by:contentDirectory:)``, whose findings the build's board takes), and then, as
    /// `build` does, giving the source up to a spill file (``SpillFile``), read back to render. The same either way.
    @Test(arguments: ["kept", "given up", "scanned as read", "spilled"])
    func noEvasionReachesAnyOutputFileAndEveryControlPublishes(readerTexts: String) async throws {
        let fixture = try fixture(with: Self.evasions, prefix: "evasion")
        for (index, control) in Self.controls.enumerated() {
            try fixture.write(control.file(id: "control-\(index)", marker: "QZXcontrol\(index)MARK"), to: "Content/answers/nj/control-\(index).md")
        }
        let memory = BuildMemory()
        let scanned = readerTexts == "scanned as read" || readerTexts == "spilled"
        if scanned { memory.findings.scanAsRead(by: memory.answers, contentDirectory: fixture.content) }
        if readerTexts != "kept" { memory.answers.giveUpReaderTextsAsRead() }
        if readerTexts == "spilled" { memory.answers.spillSourcesAsRead(to: try #require(SpillFile(directory: fixture.root))) }
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        #expect(content.answers.allSatisfy { $0.holdsReaderTexts == (readerTexts == "kept") })
        #expect(content.answers.allSatisfy { $0.isSpilled == (readerTexts == "spilled") })
        if scanned { #expect(memory.findings.holdsOnlyScanned(content.answers)) }
        let report = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output,
                                         memory: memory).run()
        let held = Set(report.heldBack.map { $0.item.reference.split(separator: "/").last.map(String.init) ?? "" })
        for (index, evasion) in Self.evasions.enumerated() {
            #expect(held.contains("evasion-\(index)"), "\(evasion.name) was published")
        }
        for (index, control) in Self.controls.enumerated() {
            #expect(!held.contains("control-\(index)"), "\(control.name) was held back")
        }
        // Pages, search index shards, feeds, sitemaps: no byte of an evasion's answer.
        var all = ""
        for file in fixture.files(under: "dist") where !file.hasSuffix("held-back.json") {
            all += (try? String(contentsOfFile: fixture.output + "/" + file, encoding: .utf8)) ?? ""
        }
        let lowered = all.lowercased()
        for (index, evasion) in Self.evasions.enumerated() {
            #expect(!lowered.contains("qzxevasion\(index)mark"), "\(evasion.name) reached dist/")
            #expect(!all.contains("/answers/evasion-\(index)/"), "\(evasion.name) is linked")
        }
        for (index, control) in Self.controls.enumerated() {
            #expect(try fixture.read("dist/www.jsnj12320.cn/answers/control-\(index)/index.html").contains("QZXcontrol\(index)MARK"), "\(control.name)")
        }
    }
}
