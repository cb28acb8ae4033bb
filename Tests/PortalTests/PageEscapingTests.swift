import Content
import Foundation
@testable import Site
import Testing

/// What an editor writes reaches a page as text, never as markup, whatever follows a quote or a bracket.
struct PageEscapingTests {
    /// The page of `answer` on the Nanjing site, as the build would write it.
    func page(_ answer: String, in fixture: borrowing ProvinceFixture) async throws -> String {
        try #require(try await fixture.builtPage("www.jsnj12320.cn/answers/\(answer)/index.html"))
    }

    /// A combining mark after `"` or `<` made one character that swift-mustache's escaping did not recognise:
    /// the quote ended the attribute it stood in.
    @Test(arguments: ["\u{301}", "\u{338}", "\u{20DD}", "\u{FE0F}"])
    func aQuoteFollowedByACombiningMarkIsEscaped(_ mark: String) async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？",
                         with: "title: '流感\"\(mark) data-x=1 <\(mark)b>疫苗 &\(mark) ''\(mark)'")
        let html = try await page("flu", in: fixture)
        #expect(html.contains("流感&quot;\(mark) data-x=1 &lt;\(mark)b&gt;疫苗 &amp;\(mark) &#39;\(mark)"), "\(html.prefix(600))")
        #expect(!html.contains("\"\(mark) data-x"))
        #expect(!html.contains("<\(mark)b>"))
    }

    @Test func textWithoutSpecialCharactersIsKeptAsItIs() {
        let text = "流感疫苗 e\u{301} 𠀀 ok"
        #expect(text.htmlEscaped == text)
        #expect("a&b<c>d\"e'f".htmlEscaped == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    }

    /// The content-type line put before every template does not shift the line a template error is reported at.
    @Test func aTemplateErrorIsReportedAtItsOwnLine() async throws {
        let fixture = try ProvinceFixture()
        let file = fixture.templates + "/notfound.mustache"
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("{{/never-opened}}", at: 2)
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let error = try await #require(throws: ContentErrors.self) { try await TemplateSet.load(directory: fixture.templates) }
        #expect(error.issues.first?.file == fixture.templates + "/notfound.mustache")
        #expect(error.issues.first?.line == 3)
    }
}
