import Mustache
@testable import Site
import Testing

/// A page's text values reach Mustache as ``TemplateText``: what it writes must be what it wrote for the plain values.
struct TemplateTextTests {
    /// One value of each kind a text reaches a template as: a text, a number, a list of texts.
    private struct Sample: TemplateContext {
        let name: String
        let count: Int
        let tags: [String]

        static let keys: [String: TemplateKey<Sample>] = ["name": .text(\.name), "count": .number(\.count), "tags": .texts(\.tags)]
    }

    static let template = """
        {{#name}}[{{count}}]{{/name}}{{^name}}none{{/name}}<{{name}}>{{{name}}}\
        {{#count}}({{.}}){{/count}}{{#tags}}<b>{{.}}</b>{{{.}}}{{/tags}}{{^tags}}no tags{{/tags}}
        """

    @Test(arguments: ["", "a<b&\"c'", "长者模式 \"\u{301}", "{{name}}"], [false, true])
    func aTextIsWrittenAsThePlainValue(_ text: String, pageEscaping: Bool) throws {
        _ = PageEscaping.registered
        let template = try MustacheTemplate(string: (pageEscaping ? PageEscaping.pragma : "") + Self.template)
        for tags in [[], [text, text + "<i>"]] {
            let typed = template.render(Sample(name: text, count: text.count, tags: tags))
            let plain = template.render(["name": text, "count": text.count, "tags": tags] as [String: Any])
            #expect(typed == plain)
            #expect(typed.contains("[\(text.count)]"))
        }
    }
}
