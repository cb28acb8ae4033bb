import Content
import Foundation
@testable import Site
import Testing

/// A template that names something its pages do not have fails the build,
/// instead of rendering it as empty text on every page.
struct TemplateKeyCheckTests {
    private func load(_ fixture: borrowing ProvinceFixture) async throws(ContentErrors) -> TemplateSet {
        try await TemplateSet.load(directory: fixture.templates)
    }

    /// The project's theme with `html` written after the answer page's heading, loaded.
    @discardableResult
    private func loadAddingToTheAnswerPage(_ html: String) async throws -> TemplateSet {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>", with: "<h1>{{heading}}</h1>\(html)")
        return try await load(fixture)
    }

    @Test func theProjectThemeUsesOnlyNamesItsPagesHave() async throws {
        let fixture = try ProvinceFixture()
        _ = try await load(fixture)
    }

    @Test func aMistypedNameFailsNamingFileAndLine() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>", with: "<h1>{{heading}}</h1>\n<p>{{hotlne}}</p>")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.file == fixture.templates + "/answer.mustache")
        let line = try fixture.read("Templates/answer.mustache").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("{{hotlne}}") }.map { $0 + 1 }
        #expect(issue.line == line)
        #expect(issue.message.contains("`hotlne`"))
        #expect(issue.fix.contains("hotline"))
    }

    @Test func aNameOfListItemsIsUnknownOutsideTheirSection() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>", with: "<h1>{{heading}}</h1>{{transcript}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.map(\.message).contains { $0.contains("`transcript`") })
    }

    @Test func sectionsOpenTheirItemsNamesAndStillSeeTheOuterOnes() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>",
                         with: "<h1>{{heading}}</h1>{{#media}}{{name}} {{heading}}{{/media}}{{#city}}{{phone}}{{/city}}{{city.address}}")
        _ = try await load(fixture)
    }

    @Test func aDottedNameMustExistAtEveryStep() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/hub.mustache", replacing: "{{> footer}}", with: "{{city.fax}}{{> footer}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.map(\.message) == [error.issues[0].message])
        #expect(error.issues[0].message.contains("`city.fax`"))
    }

    @Test func anUnknownNameInAPartialPointsAtThePartial() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/answer-list.mustache", replacing: "{{excerpt}}", with: "{{excerpt}}{{summary}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(Set(error.issues.map(\.file)) == [fixture.templates + "/answer-list.mustache"])
    }

    @Test func theHeaderIsCheckedAgainstTheSiteValues() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Templates/header.mustache", replacing: "{{slogan}}", with: "{{slogan}}{{heading}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.map(\.file) == [fixture.templates + "/header.mustache"])
    }

    /// Each misuse a theme author could make, and what the check must say about it.
    @Test(arguments: [
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{city}}", "holds a list or an object"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{related}}", "holds a list or an object"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{.}}", "outside a list of plain values"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{{heading}}}</h1>", "must be escaped"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{&heading}}</h1>", "must be escaped"),
        ("Templates/answer.mustache", "{{{body}}}", "{{body}}", "is HTML"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{> foter}}", "does not exist"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{>*heading}}", "chosen by a value"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{$city}}{{phone}}{{/city}}", "inheritance"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{=<% %>=}}", "delimiters"),
        // A transform reads as a name no page has.
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{uppercased(heading)}}</h1>", "which pages made from it do not have"),
        // An editor's tag written as HTML.
        ("Templates/answer.mustache", "<span class=\"tag\">{{.}}</span>", "<span class=\"tag\">{{{.}}}</span>", "must be escaped"),
        ("Templates/answer.mustache", "<span class=\"tag\">{{.}}</span>", "<span class=\"tag\">{{&.}}</span>", "must be escaped"),
        // Another content type would escape differently from the renderer's (or not at all).
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "{{% CONTENT_TYPE: TEXT }}<h1>{{heading}}</h1>", "pragma"),
        ("Templates/answer.mustache", "<h1>{{heading}}</h1>", "<h1>{{heading}}</h1>{{#hasTags}}{{.}}{{/hasTags}}", "outside a list of plain values"),
    ])
    func aMisusedNameIsRefused(_ file: String, _ old: String, _ new: String, _ message: String) async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit(file, replacing: old, with: new)
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.contains { $0.message.contains(message) }, "\(error.issues.map(\.message))")
    }

    /// Rendering would never end (every name is found again around the section it opens), and the build
    /// would crash when its stack runs out: the check names the loop instead.
    @Test(arguments: [["loop": "{{#related}}{{title}}{{> loop}}{{/related}}"],
                      ["loop": "{{^hasTags}}{{> other}}{{/hasTags}}", "other": "<p>{{> loop}}</p>"]])
    func aPartialThatIncludesItselfIsRefused(_ partials: [String: String]) async throws {
        let fixture = try ProvinceFixture()
        for (name, text) in partials { try fixture.write(text, to: "Templates/\(name).mustache") }
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>", with: "<h1>{{heading}}</h1>{{> loop}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        let issue = try #require(error.issues.first { $0.message.contains("includes itself") })
        #expect(issue.message.contains("answer → loop"))
        #expect(issue.file.hasSuffix(partials.count == 1 ? "/loop.mustache" : "/other.mustache"))
    }

    /// swift-mustache, and the renderer, read `{{` before a line break as text; a check that read the same
    /// text as one tag from there to the next `}}` saw a comment where an unescaped title is written.
    @Test(arguments: ["{{\n! {{{heading}}}", "{{\r\n! {{&heading}}", "{{\u{2028}! {{{heading}}}", "{\u{301}{{{heading}}}"])
    func theCheckSeesTheTagsTheRendererWrites(_ hidden: String) async throws {
        let error = try await #require(throws: ContentErrors.self) { try await loadAddingToTheAnswerPage(hidden) }
        #expect(error.issues.contains { $0.message.contains("must be escaped") && $0.file.hasSuffix("/answer.mustache") }, "\(error.issues)")
    }

    /// A file of the theme no page includes is not read for rendering: what it holds cannot fail the build.
    @Test func aTemplateNoPageUsesMayHoldWhatTheCheckRefuses() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("{{=<% %>=}}<%title%> {{uppercased(title)}}", to: "Templates/drafts/old.mustache")
        _ = try await load(fixture)
    }

    /// swift-mustache reads a section by calling itself: thousands of nested sections crashed the build.
    @Test(arguments: [TemplateParser.deepestSection + 1, 3_000])
    func sectionsNestedTooDeepAreRefusedNamingTheLine(_ depth: Int) async throws {
        let fixture = try ProvinceFixture()
        let nested = String(repeating: "{{#hasCategories}}", count: depth) + "x" + String(repeating: "{{/hasCategories}}", count: depth)
        try fixture.edit("Templates/notfound.mustache", replacing: "{{> footer}}", with: "\n\(nested)\n{{> footer}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        let issue = try #require(error.issues.first)
        #expect(issue.file.hasSuffix("/notfound.mustache") && issue.message.contains("nested more than"))
        let line = try fixture.read("Templates/notfound.mustache").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("{{#hasCategories}}") }.map { $0 + 1 }
        #expect(issue.line == line)
    }

    @Test func sectionsAsDeepAsAllowedAreRead() async throws {
        let fixture = try ProvinceFixture()
        let depth = TemplateParser.deepestSection
        let nested = String(repeating: "{{#hasCategories}}", count: depth) + "x" + String(repeating: "{{/hasCategories}}", count: depth)
        try fixture.edit("Templates/notfound.mustache", replacing: "{{> footer}}", with: "\(nested){{> footer}}")
        _ = try await load(fixture)
    }

    /// The header and footer are rendered once per site under names of their own: a theme file named like
    /// the build's former names for them is a partial as any other, checked as what is rendered.
    @Test func aPartialNamedLikeTheSiteChromeIsRenderedAsItself() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("<i class=\"decoy\">{{siteName}}</i>", to: "Templates/site-footer.mustache")
        try fixture.write("<b class=\"own\">{{siteName}}</b>", to: "Templates/site-header.mustache")
        try fixture.edit("Templates/header.mustache", replacing: "<header class=\"site-header\">", with: "{{> site-header}}<header class=\"site-header\">")
        try fixture.edit("Templates/answer.mustache", replacing: "<h1>{{heading}}</h1>", with: "<h1>{{heading}}</h1>{{> site-footer}}")
        let page = try #require(try await fixture.builtPage("www.jsnj12320.cn/answers/flu/index.html"))
        #expect(page.contains("<i class=\"decoy\">"))
        #expect(page.contains("<b class=\"own\">"))
        #expect(page.components(separatedBy: "<footer").count == 2, "one footer, the site's")
    }

    /// A template linked to a file outside the theme would publish that file's text.
    @Test func aTemplateLinkedOutsideTheThemeIsRefused() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("secret", to: "outside.txt")
        try FileManager.default.createSymbolicLink(atPath: fixture.templates + "/leak.mustache", withDestinationPath: fixture.root + "/outside.txt")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.contains { $0.file.hasSuffix("/leak.mustache") && $0.message.contains("outside") }, "\(error.issues)")
    }

    /// swift-mustache measures the rest of the text at each tag: a template of 100,000 tags took it minutes.
    @Test func aTemplateWithTooManyTagsIsRefused() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("\n" + String(repeating: "{{siteName}}\n", count: TemplateParser.mostTags + 1), to: "Templates/unused.mustache")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.map(\.line) == [TemplateParser.mostTags + 2])
        #expect(error.issues.first?.file.hasSuffix("/unused.mustache") == true)
    }

    /// Each inclusion is checked and rendered in full: partials including the next twenty times, three deep,
    /// are 8,000 inclusions on one page.
    @Test func aPageIncludingPartialsTooManyTimesIsRefused() async throws {
        let fixture = try ProvinceFixture()
        for level in 1...3 { try fixture.write(String(repeating: "{{> p\(level + 1)}}", count: 20), to: "Templates/p\(level).mustache") }
        try fixture.write("x", to: "Templates/p4.mustache")
        try fixture.edit("Templates/notfound.mustache", replacing: "{{> footer}}", with: "{{#isHub}}{{^isHub}}{{> p1}}{{/isHub}}{{/isHub}}{{> footer}}")
        let error = try await #require(throws: ContentErrors.self) { try await load(fixture) }
        #expect(error.issues.filter { $0.message.contains("more than \(TemplateKeyCheck.mostInclusions) times") }.count == 1, "\(error.issues)")
    }

    /// Escaped text is only text between tags and inside an attribute's quotes: without quotes, inside a tag or in
    /// a script, an editor's `x onfocus=alert(1) autofocus` adds attributes or runs.
    @Test(arguments: ["<h1 title={{heading}}>", "<h1 title= {{heading}}>", "<h1 {{heading}}>", "<h1 data-x=a{{heading}}>",
                      "<script>var t = \"{{heading}}\";</script>", "<STYLE>p::after { content: '{{heading}}' }</STYLE>",
                      "<div {{> footer}}>", "<a href=\"/\" {{#hasTags}}{{heading}}{{/hasTags}}>"])
    func aValueWhereEscapingDoesNotProtectIsRefused(_ html: String) async throws {
        let error = try await #require(throws: ContentErrors.self) { try await loadAddingToTheAnswerPage(html) }
        #expect(error.issues.contains { $0.message.contains("escaped text there can still add attributes") && $0.file.hasSuffix("/answer.mustache") },
                "\(error.issues)")
    }

    /// An editor's text at the start of a link would be followed as written: `javascript:…` runs.
    @Test(arguments: ["<a href=\"{{heading}}\">x</a>", "<a HREF=' {{heading}}'>x</a>", "<img src=\"{{description}}\" alt=\"\">",
                      "<form action=\"{{heading}}\"></form>", "<a class=\"x\" href=\"{{{body}}}\">x</a>"])
    func textStartingAnAddressIsRefused(_ html: String) async throws {
        let error = try await #require(throws: ContentErrors.self) { try await loadAddingToTheAnswerPage(html) }
        #expect(error.issues.contains { $0.message.contains("javascript:") }, "\(error.issues)")
    }

    @Test func addressesAndTextAfterAFixedStartAreRead() async throws {
        try await loadAddingToTheAnswerPage("<a href=\"{{categoryURL}}\" title=\"{{heading}}\">x</a><a href=\"/search/?q={{heading}}\">y</a>"
            + "<a data-x=\"{{heading}}\" href=\"{{canonical}}#{{heading}}\">z</a>")
    }

    @Test func valuesBetweenTagsAndInQuotesAreRead() async throws {
        try await loadAddingToTheAnswerPage("<p title=\"{{heading}}\" data-x='{{heading}}'>{{heading}}</p><!-- {{heading}} --><br/>{{heading}}"
            + "<script src=\"{{modeScript}}\"></script>{{heading}}<style>p { color: red }</style>{{heading}}")
    }

    @Test func tagsAreReadWithTheirLines() {
        let tags = TemplateParser.read("a {{x}}\r\n{{#s}}\n{{{html}}} {{! note }}{{/s}}{{> part}}\n{{=<% %>=}}").tags
        #expect(tags == [TemplateTag(kind: .value, name: "x", line: 1), TemplateTag(kind: .section, name: "s", line: 2),
                         TemplateTag(kind: .unescapedValue, name: "html", line: 3), TemplateTag(kind: .comment, name: " note ", line: 3),
                         TemplateTag(kind: .close, name: "s", line: 3), TemplateTag(kind: .partial, name: "part", line: 3),
                         TemplateTag(kind: .unsupported, name: "`{{=…}}` (delimiters, a pragma or inheritance)", line: 4)])
    }
}
