import Mustache
@testable import Site
import Testing

/// A page's text values reach Mustache as ``TemplateText``: what it writes must be what it wrote for the plain strings.
struct TemplateTextTests {
    static let template = """
        {{#name}}[{{content}}]{{/name}}{{^name}}none{{/name}}<{{name}}>{{{content}}}\
        {{#content}}({{.}}){{/content}}{{^content}}empty{{/content}}
        """

    @Test(arguments: ["", "a<b&\"c'", "长者模式 \u{301}", "{{name}}"])
    func aTextIsWrittenAsTheStringItHolds(_ text: String) throws {
        let template = try MustacheTemplate(string: Self.template)
        let typed = template.render(MetaTag(name: text, content: text + "<i>"))
        let plain = template.render(["name": text, "content": text + "<i>"])
        #expect(typed == plain)
        #expect(typed.contains("<i>"))
    }
}
