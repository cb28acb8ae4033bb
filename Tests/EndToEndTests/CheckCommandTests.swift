import Foundation
import Testing

/// `check` says what `build` would say: every problem that stops a build
/// stops `check` (exit 1, `file:line`), at load time, whether or not the
/// answer involved was approved; and it lists what the build would hold back.
struct CheckCommandTests {
    /// A change to the sample province and what `check` must then say.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        /// (path below the copy, text) files to write.
        let writes: [(String, String)]
        /// Files to delete.
        let removals: [String]
        /// Text the error output must contain.
        let expected: String
        var testDescription: String { name }

        init(_ name: String, writes: [(String, String)] = [], removals: [String] = [], expected: String) {
            self.name = name
            self.writes = writes
            self.removals = removals
            self.expected = expected
        }
    }

    static func answer(_ id: String, body: String, overrides: String? = nil) -> String {
        "---\nid: \(id)\ntitle: 测试问题\ncategory: vaccination\nupdated: 2024-12-01\n"
            + (overrides.map { "overrides: \($0)\n" } ?? "") + "---\n第一行。\n\n\(body)\n"
    }

    static let breakages: [Breakage] = [
        .init("a link to no answer",
              writes: [("Content/answers/nj/nj-link.md", answer("nj-link", body: "见[这里](answer:no-such-answer)。"))],
              expected: "Content/answers/nj/nj-link.md:9: error: The link `answer:no-such-answer` names no answer."),
        .init("a link to a private reply",
              writes: [("Content/answers/nj/nj-link.md", answer("nj-link", body: "见[这里](answer:caller-reply-fee-query)。"))],
              expected: "Content/answers/nj/nj-link.md:9: error: The link `answer:caller-reply-fee-query` names a private reply"),
        .init("a link to another city's answer",
              writes: [("Content/answers/nj/nj-link.md", answer("nj-link", body: "见[这里](answer:sz-appointment-children)。"))],
              expected: "Content/answers/nj/nj-link.md:9: error: The link `answer:sz-appointment-children` names an answer of `sz`"),
        .init("a provincial answer linking a city's answer",
              writes: [("Content/answers/province/p-link.md", answer("p-link", body: "见[这里](answer:nj-hpv-girls)。"))],
              expected: "Content/answers/province/p-link.md:9: error: The link `answer:nj-hpv-girls` names an answer of `nj`"),
        .init("an override of a private reply",
              writes: [("Content/answers/nj/nj-override.md", answer("caller-reply-fee-query", body: "正文", overrides: "caller-reply-fee-query"))],
              expected: "names a private provincial reply"),
        .init("two overrides of one provincial answer in one city",
              writes: [("Content/answers/sz/sz-second.md", answer("sz-second", body: "正文", overrides: "blood-donation-benefit"))],
              expected: "already replaces the provincial answer `blood-donation-benefit`"),
        .init("an invalid lexicon",
              writes: [("Content/lexicon/taboo.txt", "孕\n")],
              expected: "Content/lexicon/taboo.txt:1: error:"),
        .init("a missing lexicon list", removals: ["Content/lexicon/allow.txt"], expected: "Content/lexicon/allow.txt: error:"),
        .init("a theme missing a template", removals: ["Templates/search.mustache"], expected: "search.mustache: error: The template `search` is missing."),
    ]

    @Test(arguments: breakages)
    func whatStopsABuildStopsCheck(_ breakage: Breakage) throws {
        let province = try SampleProvinceCopy()
        for (path, text) in breakage.writes { try province.write(text, to: path) }
        for path in breakage.removals { try FileManager.default.removeItem(atPath: province.root + "/" + path) }
        let check = try province.run(["check"])
        #expect(check.status == 1, "\(check.output)")
        #expect(check.error.contains(breakage.expected), "\(check.error)")
        // And the build says the same.
        let build = try province.run(["build", "--output", province.root + "/dist"])
        #expect(build.status == 1)
        #expect(build.error.contains(breakage.expected), "\(build.error)")
    }

    @Test func aLedgerEditedInTheMiddleStopsCheck() throws {
        let province = try SampleProvinceCopy()
        var lines = try province.read("Content/reviews.jsonl").split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"approved\"", with: "\"rejected\"")
        try province.write(lines.joined(separator: "\n") + "\n", to: "Content/reviews.jsonl")
        let check = try province.run(["check"])
        #expect(check.status == 1)
        #expect(check.error.contains("Content/reviews.jsonl:3: error:"), "\(check.error)")
    }

    @Test func checkListsWhatTheBuildWouldHoldBack() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "check-held", body: "谨防医托。")
        let check = try province.run(["check"])
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("would be held back: \(reference)"), "\(check.output)")
    }

    /// The synonym list is grown by editors like the lexicon: `check` counts its groups and
    /// warns, at the line, of a word in two groups and of a group no public answer uses.
    @Test func checkReviewsTheSynonymList() throws {
        let province = try SampleProvinceCopy()
        try province.write("跌倒 摔跤\n摔跤 摔倒\n火星 外星人\n", to: "Content/search/synonyms.txt")
        let check = try province.run(["check"])
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("Search synonyms: 3 groups in Content/search/synonyms.txt."), "\(check.output)")
        #expect(check.error.contains("Content/search/synonyms.txt:2: warning: The word `摔跤` is also in the synonym group on line 1"), "\(check.error)")
        #expect(check.error.contains("Content/search/synonyms.txt:3: warning: No public answer uses a word of the synonym group `火星 外星人`"), "\(check.error)")
        #expect(!check.error.contains("synonyms.txt:1:"), "\(check.error)")
    }

    /// `check --links` on the sample province: every page's links lead somewhere, and the
    /// other websites are not asked when told so. A theme link to nowhere fails it, page named.
    @Test func checkLinksFollowsEveryLinkOfTheBuiltSites() throws {
        let clean = try Executable.run(["check", "--links", "--links-offline"])
        #expect(clean.status == 0, "\(clean.error)")
        #expect(clean.output.contains("links: www.jsnj12320.cn: "))
        #expect(clean.output.contains("0 dead (0 allowed)"))
        #expect(!clean.output.contains(" dead link "))
        #expect(clean.output.contains("links to other websites: not asked"))

        let province = try SampleProvinceCopy()
        let footer = try province.read("Templates/footer.mustache")
        // Twice on every page: still one line per site, counting pages, not links.
        try province.write(footer.replacingOccurrences(of: "</footer>", with: "<a href=\"/old-page.html\">旧页面</a> <a href=\"/old-page.html\">同上</a></footer>"),
                           to: "Templates/footer.mustache")
        let broken = try province.run(["check", "--links", "--links-offline"])
        #expect(broken.status == 1)
        #expect(broken.error.contains(/www\.jsnj12320\.cn\/404\.html: error: dead link `\/old-page\.html`: no such page on the built site \(and on \d+ other pages of this site\)/))
        #expect(broken.error.components(separatedBy: "`/old-page.html`").count - 1 == 12, "once per site")
        let pages = try #require(broken.error.firstMatch(of: /www\.jsnj12320\.cn\/404\.html: error: dead link `\/old-page\.html`: no such page on the built site \(and on (\d+) other pages/)?.1)
        let built = try province.run(["build", "--output", "dist-links"])
        #expect(built.status == 0)
        let nanjingPages = try FileManager.default.subpathsOfDirectory(atPath: province.root + "/dist-links/www.jsnj12320.cn").filter { $0.hasSuffix(".html") }
        #expect(Int(pages) == nanjingPages.count - 1)
        for value in ["nan", "0", "301"] {
            #expect(try province.run(["check", "--links", "--link-timeout", value]).status == 64, "\(value)")
        }
        #expect(try province.run(["check", "--links-offline"]).status == 64)
    }
}
