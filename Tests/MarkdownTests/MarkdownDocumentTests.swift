import Foundation
import Markdown
import Testing

struct MarkdownDocumentTests {
    @Test func rawHTMLNeverReachesTheOutput() {
        let document = MarkdownDocument(source: "正文\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> 行内<b>粗</b>")
        #expect(!document.html.contains("<script"))
        #expect(!document.html.contains("onerror"))
        #expect(!document.html.contains("<b>"))
        #expect(document.html.contains("正文"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,AAAA", "file:///etc/passwd",
    ])
    func dangerousDestinationsAreEmptied(_ destination: String) {
        let escaped = destination.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "\t", with: "%09")
        for source in ["[点我](<\(destination)>)", "![图](<\(destination)>)", "<\(escaped)>"] {
            let html = MarkdownDocument(source: source).html
            // An autolink still shows its text; what must be empty is the attribute a browser follows.
            #expect(Self.destinations(in: html).allSatisfy { $0.isEmpty }, "\(source) → \(html)")
        }
    }

    /// The values of every href and src attribute in `html`.
    static func destinations(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            + html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test(arguments: ["https://www.js12320.cn/", "http://example.org/a?b=c", "mailto:service@js12320.cn", "tel:12320",
                      "/answers/flu/", "../x", "#section", "page.html?x=a:b"])
    func webDestinationsAreKept(_ destination: String) {
        #expect(LinkPolicy.classify(destination) == .keep)
        #expect(MarkdownDocument(source: "[链接](\(destination))").html.contains("href=\""))
        #expect(!MarkdownDocument(source: "[链接](\(destination))").html.contains("href=\"\""))
    }

    @Test func answerLinksResolveThroughTheResolver() {
        let document = MarkdownDocument(source: "见[流感](answer:flu)、[**待审**](answer:pending)和[缺失](answer:gone)。") { id in
            switch id {
            case "flu": .url("/answers/flu/")
            case "pending": .unpublished
            default: .unknown
            }
        }
        #expect(document.html.contains("<a href=\"/answers/flu/\">流感</a>"))
        #expect(document.html.contains("、<strong>待审</strong>和"))
        #expect(!document.html.contains("pending"))
        #expect(document.unresolvedLinks == [.init(destination: "answer:gone", line: 1)])
    }

    @Test func unresolvedLinksCarryTheirLine() {
        let document = MarkdownDocument(source: "第一段\n\n第二段\n\n- [坏链接](answer:nothing)")
        #expect(document.unresolvedLinks.map(\.line) == [5])
    }

    @Test func bodyHeadingsAreMovedBelowThePageTitle() {
        let html = MarkdownDocument(source: "# 大标题\n\n段落\n\n## 小标题").html
        #expect(html.contains("<h2>大标题</h2>"))
        #expect(html.contains("<h3>小标题</h3>"))
        #expect(!html.contains("<h1>"))
        #expect(MarkdownDocument(source: "## 已是二级").html.contains("<h2>已是二级</h2>"))
    }

    @Test func plainTextHasNoMarkup() {
        let document = MarkdownDocument(source: "## 标题\n\n**加粗**和[链接](https://a.cn)\n\n- 一\n- 二\n\n`代码`")
        #expect(document.plainText == "标题\n加粗和链接\n一\n二\n代码")
    }

    @Test(arguments: ["> # 引用里的标题", "- # 列表里的标题", "1. 第一项\n\n   > # 深处的标题"])
    func aHeadingInsideABlockQuoteOrListIsMovedBelowThePageTitle(_ source: String) {
        let html = MarkdownDocument(source: source).html
        #expect(!html.contains("<h1"), "\(html)")
        #expect(html.contains("<h2"), "\(html)")
    }

    @Test func readerLinesPointAtTheirSourceLines() {
        let document = MarkdownDocument(source: "第一段\n第二行\n\n```\n代码一\n代码二\n```\n\n[链接](https://example.org/%E4%BD%A0 \"标题\")")
        // U+2029 marks where a block ends (not a line break inside one).
        #expect(document.readerLines.map(\.text) == ["第一段", "第二行\u{2029}", "代码一", "代码二", "链接\u{2029}", "https://example.org/你", "标题"])
        #expect(document.readerLines.map(\.line) == [1, 2, 5, 6, 9, 9, 9])
    }

    @Test func readerLinesCarryTheNumbersABrowserDrawsBeforeOrderedItems() {
        let document = MarkdownDocument(source: "139123455. 见下\n1. 78\n\n7) 甲\n1) 乙")
        #expect(document.readerLines.map(\.text) == ["139123455. 见下\u{2029}", "139123456. 78\u{2029}", "7) 甲\u{2029}", "8) 乙\u{2029}"])
        // The text for search and excerpts stays the items' own.
        #expect(document.plainText == "见下\n78\n甲\n乙")
    }

    /// Moderation reads what a reader sees without the page's HTML: the same lines, excerpt, links and media.
    @Test(arguments: ["## 接种\n\n1、带上证件\n2、到社区中心\n\n见[流感](answer:flu)和![图](media/a.png)。",
                      "内部<!---->资料 &#x5185;部 **资**料\n\n- 一\n- 二\n\n> 引用 [链接](https://example.org \"标题\")",
                      "1. 第一步\n2. 第二步\n\n| 表 | 格 |\n| --- | --- |\n| 1 | 2 |\n\n[文件](media/b.pdf)"])
    func aReadingWithoutHTMLReadsTheSame(_ source: String) {
        let rendered = MarkdownDocument(source: source)
        let read = MarkdownDocument(source: source, renderingHTML: false)
        #expect(!rendered.html.isEmpty && read.html.isEmpty)
        #expect(read.readerLines.map(\.text) == rendered.readerLines.map(\.text))
        #expect(read.readerLines.map(\.line) == rendered.readerLines.map(\.line))
        #expect(read.excerpt == rendered.excerpt && read.plainText == rendered.plainText)
        #expect(read.unresolvedLinks == rendered.unresolvedLinks)
        #expect(read.mediaReferences.map(\.name) == rendered.mediaReferences.map(\.name))
    }
}
