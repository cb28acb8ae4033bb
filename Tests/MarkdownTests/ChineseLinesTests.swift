@testable import Markdown
import Testing
import TestSupport

/// Markdown as Chinese editors type it, rendered as they expect.
struct ChineseLinesTests {
    @Test func aLineBreakInsideAChineseSentenceLeavesNoGap() {
        let html = MarkdownDocument(source: "流感疫苗建议\n每年接种一次。\n请提前预约。").html
        #expect(html == "<p>流感疫苗建议每年接种一次。请提前预约。</p>\n")
    }

    /// The check on the bytes that spares most answers the line-by-line rewrite
    /// passes every line the rewrite changes (seeded lines of the characters that matter).
    @Test func theQuickLookForStepLinesPassesEveryLineTheRewriteChanges() {
        var random = SplitMix64(seed: 12320)
        let pieces = [" ", " ", "1", "2", "12", "123", "1234", "、", "（", "(", ")", "）", "\u{301}", "\u{3000}", "\r", "步", "a", "一", "１"]
        var rewritten = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard ChineseLines.listItem(Substring(line)) != nil else { continue }
            rewritten += 1
            #expect(ChineseLines.mayHoldListItem("前文\n" + line), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(rewritten > 100)
        #expect(!ChineseLines.mayHoldListItem("2024年10月1日起\n一、预约\n    1、缩进四格\n1234、编号"))
    }

    @Test func aLineBreakNextToLatinTextStaysASpace() {
        #expect(MarkdownDocument(source: "请拨打 12320\n咨询。").html == "<p>请拨打 12320\n咨询。</p>\n")
        #expect(MarkdownDocument(source: "Take the\nbus.").html == "<p>Take the\nbus.</p>\n")
    }

    @Test(arguments: ["办理步骤：\n1、带身份证\n2、到窗口挂号\n3、缴费", "1、带身份证\n2、到窗口挂号\n3、缴费"])
    func stepsTypedOnTheirOwnLinesBecomeAList(_ source: String) {
        let html = MarkdownDocument(source: source).html
        #expect(html.contains("<ol>\n<li>带身份证</li>\n<li>到窗口挂号</li>\n<li>缴费</li>\n</ol>"), "\(html)")
    }

    @Test func parenthesisedStepsBecomeAList() {
        let html = MarkdownDocument(source: "（1）带身份证\n（2）挂号").html
        #expect(html.contains("<ol>\n<li>带身份证</li>\n<li>挂号</li>\n</ol>"), "\(html)")
    }

    @Test func chineseNumeralSectionsKeepTheirLines() {
        let html = MarkdownDocument(source: "一、预约方式\n二、就诊流程").html
        #expect(html == "<p>一、预约方式<br />\n二、就诊流程</p>\n")
    }

    @Test func aNumberInsideASentenceIsLeftAsWritten() {
        #expect(MarkdownDocument(source: "注意事项如下\n3、不要空腹").html.contains("3、不要空腹"))
        #expect(MarkdownDocument(source: "```\n1、代码\n```").html == "<pre><code>1、代码\n</code></pre>\n")
    }

    /// The lists are made on the same lines, so what moderation finds keeps its source line.
    @Test func readerLinesKeepTheirSourceLines() {
        let lines = MarkdownDocument(source: "步骤：\n1、带身份证\n2、挂号").readerLines
        #expect(lines.map(\.line) == [1, 2, 3])
        #expect(lines.map(\.text).joined().contains("2. 挂号"))
    }

    /// The excerpt (listings, page description, feed) keeps blocks apart as the page does.
    @Test func theExcerptKeepsBlocksApartAndJoinsLinesAsThePageDoes() {
        #expect(MarkdownDocument(source: "本通知为内部\n\n资料，请勿转发。").excerpt == "本通知为内部；资料，请勿转发。")
        #expect(MarkdownDocument(source: "## 标题\n\n- 第一项\n- 第二项").excerpt == "标题；第一项；第二项")
        #expect(MarkdownDocument(source: "流感疫苗建议\n每年接种一次。\n\n请预约。").excerpt == "流感疫苗建议每年接种一次。请预约。")
        #expect(MarkdownDocument(source: "Take the\nbus.").excerpt == "Take the bus.")
        #expect(MarkdownDocument(source: String(repeating: "字", count: 100)).excerpt == String(repeating: "字", count: 90) + "…")
        // Ninety characters are ninety characters, however many scalars each is made of.
        #expect(MarkdownDocument(source: String(repeating: "e\u{301}", count: 60)).excerpt == String(repeating: "e\u{301}", count: 60))
        #expect(MarkdownDocument(source: String(repeating: "e\u{301}", count: 100)).excerpt == String(repeating: "e\u{301}", count: 90) + "…")
        #expect(MarkdownDocument(source: String(repeating: "字", count: 90)).excerpt == String(repeating: "字", count: 90))
    }

    /// Found by a review: a rewrite must not pull text out of a comment, a code span or a quote, nor change `12、`.
    @Test(arguments: ["说明如下<!-- 内部备注\n1、内部电话 -->公开内容", "代码：`foo\n1、bar`", "> 引用：\n1、懒惰行", "注意事项如下：\n12、禁止事项"])
    func aStepInsideOtherMarkupIsLeftAsWritten(_ source: String) {
        #expect(!MarkdownDocument(source: source).html.contains("<ol"), "\(MarkdownDocument(source: source).html)")
    }

    @Test func windowsLineEndsGetTheSameTreatment() {
        #expect(MarkdownDocument(source: "步骤：\r\n1、带身份证\r\n2、挂号").html.contains("<li>带身份证</li>"))
    }

    @Test func ordinaryWordsStartingWithAnOrdinalKeepTheSentenceTogether() {
        #expect(MarkdownDocument(source: "请在就诊后\n第二天复查。").html == "<p>请在就诊后第二天复查。</p>\n")
        #expect(MarkdownDocument(source: "操作如下\n第一步：预约").html.contains("<br />"))
    }
}
