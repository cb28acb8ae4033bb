import Foundation
@testable import Site
import Testing
import TestSupport

/// The build renders the theme itself (``TemplateParser``, ``TemplateRendering``):
/// every page must come out byte for byte as swift-mustache wrote it, white
/// space, escaping and all. Each test renders the same template and values both
/// ways (``MustacheReference``), on seeded random values and templates.
struct TemplateRenderingTests {
    /// Values named as a test asks, answering every other name with `nil`.
    private struct Values: TemplateObject {
        let values: [String: TemplateValue]
        func value(named name: String) -> TemplateValue? { values[name] }
    }

    private func rendered(_ name: String, _ templates: [String: String], _ values: any TemplateObject) throws -> String {
        let nodes = try templates.mapValues { try #require(TemplateParser.read($0).nodes) }
        var rendering = TemplateRendering(templates: nodes, values: values)
        rendering.render(name)
        return String(decoding: rendering.bytes, as: UTF8.self)
    }

    private func expectSameAsSwiftMustache(_ name: String, _ templates: [String: String], _ values: any TemplateObject,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The build renders only templates swift-mustache has read (``TemplateSet``).
        guard let reference = try? MustacheReference.render(name, templates: templates, values: values) else { return }
        let ours = try rendered(name, templates, values)
        #expect(ours == reference, "template \(name): \(templates[name].map { String(reflecting: $0) } ?? "")",
                sourceLocation: sourceLocation)
    }

    // MARK: Random values and templates

    private static let textPieces = ["", "a", "长者模式", "<b>", "&amp;", "\"", "'", " ", "\n", "\r\n", "\"\u{301}", "{{title}}", "é"]

    private func text(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.textPieces.randomElement(using: &random)! }.joined()
    }

    /// Values for every name of `schema`, of the kind the schema allows, some absent.
    private func values(for schema: TemplateSchema, _ random: inout SplitMix64) -> Values {
        var values: [String: TemplateValue] = [:]
        for (name, entry) in schema.names.sorted(by: { $0.key < $1.key }) {
            switch entry.use {
            case .text:
                values[name] = Bool.random(using: &random) ? .text(text(&random)) : .flag(Bool.random(using: &random))
            case .html, .address:
                values[name] = .text(text(&random))
            case .section(let inside) where inside.listsValues:
                values[name] = .texts((0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) })
            case .section(let inside):
                switch Int.random(in: 0...3, using: &random) {
                case 0: values[name] = .list([])
                case 1: values[name] = .list((0...Int.random(in: 0...2, using: &random)).map { _ in self.values(for: inside, &random) })
                case 2: values[name] = .object(self.values(for: inside, &random))
                default: break
                }
            }
        }
        return Values(values: values)
    }

    /// Names a section may open, and the ones a value tag may write (the check refuses writing a list or an object).
    private static let sectionNames = ["a", "b", "flag", "list", "texts", "object", "object.a", "missing", "."]
    private static let valueNames = ["a", "b", "flag", "object.a", "missing"]

    /// Random values for ``sectionNames``: `object` and each item of `list` have `a` and `b`.
    private func randomValues(_ random: inout SplitMix64) -> Values {
        func item() -> Values { Values(values: ["a": .text(text(&random)), "b": .flag(Bool.random(using: &random))]) }
        return Values(values: [
            "a": .text(text(&random)), "b": .text(text(&random)), "flag": .flag(Bool.random(using: &random)),
            "list": .list((0..<Int.random(in: 0...2, using: &random)).map { _ in item() }),
            "texts": .texts((0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random) }),
            "object": .object(item()),
        ])
    }

    /// Text between tags: white space where a tag may stand alone on its line, line breaks, lone braces.
    private static let gaps = ["", "", " ", "  ", "\t", "\n", "\n", "\n  ", "\r\n", "x", "长者", "<p>", "{", "}", " {x} ", "\n\t"]

    /// A template of `length` pieces the theme check would accept, its sections closed; `partials` are names it may include.
    private func template(_ length: Int, partials: [String], _ random: inout SplitMix64) -> String {
        var text = ""
        // The open sections, and whether each has a plain text on top (where `{{.}}` may stand).
        var open: [(name: String, textOnTop: Bool)] = []
        for _ in 0..<length {
            text += Self.gaps.randomElement(using: &random)!
            let name = Self.valueNames.randomElement(using: &random)!
            switch Int.random(in: 0...10, using: &random) {
            case 0: text += "{{\(name)}}"
            case 1: text += "{{ \(name) }}"
            case 2: text += "{{{\(name)}}}"
            case 3: text += "{{& \(name)}}"
            case 4, 5:
                let section = Self.sectionNames.randomElement(using: &random)!
                let inverted = Bool.random(using: &random)
                text += inverted ? "{{^\(section)}}" : "{{#\(section)}}"
                let textOnTop = !inverted && (section == "texts" || section == "." && open.last?.textOnTop == true)
                open.append((section, textOnTop))
            case 6, 7:
                if let last = open.popLast() { text += "{{/\(last.name)}}" }
            case 8: text += "{{! a comment\n over two lines }}"
            case 9: if open.last?.textOnTop == true { text += "{{.}}" }
            default:
                if let partial = partials.randomElement(using: &random) { text += Bool.random(using: &random) ? "{{> \(partial)}}" : "{{>\(partial)}}" }
            }
        }
        for section in open.reversed() { text += Self.gaps.randomElement(using: &random)! + "{{/\(section.name)}}" }
        return text + Self.gaps.randomElement(using: &random)!
    }

    // MARK: Tests

    /// Each page template of the project's theme, with the site's header and footer, over random values of its schema.
    @Test(arguments: ThemeContract.pages.map(\.name) + ThemeContract.siteChrome)
    func theProjectThemeRendersAsSwiftMustacheDid(_ page: String) throws {
        let folder = ProvinceFixture.repository + "/Templates"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        let templates = try Dictionary(uniqueKeysWithValues: files.map {
            (String($0.dropLast(".mustache".count)), try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8))
        })
        let schema = ThemeContract.pages.first { $0.name == page }?.schema ?? SiteValues.schema
        var random = SplitMix64(seed: 0x7E3A_1A7E)
        for _ in 0..<40 {
            try expectSameAsSwiftMustache(page, templates, values(for: schema, &random))
        }
    }

    /// Random templates of every tag the theme check allows, in every position on a line: white space around
    /// sections, comments and partials that stand alone on their lines, partials indented, nested and inline.
    @Test(arguments: 0..<8)
    func randomTemplatesRenderAsSwiftMustacheDid(_ round: UInt64) throws {
        var random = SplitMix64(seed: 0x5EED_0000 + round)
        for _ in 0..<60 {
            let templates = [
                "page": template(Int.random(in: 1...14, using: &random), partials: ["outer", "inner"], &random),
                "outer": template(Int.random(in: 1...8, using: &random), partials: ["inner"], &random),
                "inner": template(Int.random(in: 1...6, using: &random), partials: [], &random),
            ]
            for _ in 0..<3 {
                try expectSameAsSwiftMustache("page", templates, randomValues(&random))
            }
        }
    }

    /// What a theme's author relies on, spelt out: a section's own lines leave no blank line, an indented
    /// partial is indented on every line, text is escaped where `{{name}}` writes it and only there.
    @Test func standaloneTagsLeaveNoBlankLinesAndPartialsKeepTheirIndentation() throws {
        let templates = ["page": "<ul>\n  {{#list}}\n  <li>{{a}}</li>\n  {{/list}}\n</ul>\n  {{> item}}\n{{{a}}}",
                         "item": "<p>\n{{a}}\n</p>\n"]
        let values = Values(values: ["a": .text("<b>"), "list": .list([Values(values: ["a": .text("1 & 2")])])])
        let page = try rendered("page", templates, values)
        #expect(page == "<ul>\n  <li>1 &amp; 2</li>\n</ul>\n  <p>\n  &lt;b&gt;\n  </p>\n<b>")
        try expectSameAsSwiftMustache("page", templates, values)
    }

    /// A name absent from the value on top is found in the ones around it; a dotted name only below its first part.
    @Test func namesAreLookedUpOutwardsAndDottedNamesInward() throws {
        let templates = ["page": "{{#object}}{{a}}|{{b}}|{{object.a}}{{/object}}|{{object.b}}|{{a.b}}"]
        let values = Values(values: ["a": .text("outer"), "b": .text("outer b"),
                                     "object": .object(Values(values: ["a": .text("inner")]))])
        #expect(try rendered("page", templates, values) == "inner|outer b|inner||")
        try expectSameAsSwiftMustache("page", templates, values)
    }

    /// A template the check refuses is refused here too, never rendered some other way.
    @Test(arguments: ["{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT }}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}",
                      "{{>*dynamic}}", "{{#a}}", "{{/a}}", "{{a", "x{"])
    func whatTheCheckRefusesIsNotParsed(_ template: String) {
        let reading = TemplateParser.read(template)
        #expect(reading.nodes == nil)
        #expect(reading.tags.last?.kind == .unsupported)
    }
}
