import Content
import Diagnostics
import Foundation
import Testing

struct ContentLoaderTests {
    @Test func fixtureProvinceLoadsWithEveryAnswer() throws {
        let fixture = try ProvinceFixture()
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.province.cities.map(\.abbr) == ["nj", "sz", "sq"])
        #expect(content.province.openedCities.count == 2)
        #expect(content.answers.map(\.reference) == [
            "province/caller-reply", "province/flu", "province/insurance-basic",
            "nj/nj-clinic", "nj/nj-reply", "sz/sz-insurance",
        ])
        let flu = try #require(content.answers.first { $0.id == "flu" })
        #expect(flu.updated.description == "2024-09-10")
        #expect(flu.tags == ["流感"])
        #expect(flu.bodyLine == 8)
    }

    /// One broken input: where to break it, and where the error must point.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let old: String
        let new: String
        let reportedFile: String
        let line: Int?
        let message: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        .init(name: "unknown category", file: "answers/nj/nj-clinic.md", old: "category: vaccination", new: "category: vaccinations",
              reportedFile: "answers/nj/nj-clinic.md", line: 4, message: "`vaccinations` is not in the province taxonomy"),
        .init(name: "duplicate id in a scope", file: "answers/province/insurance-basic.md", old: "id: insurance-basic", new: "id: flu",
              reportedFile: "answers/province/insurance-basic.md", line: 2, message: "already used by"),
        .init(name: "bad abbreviation", file: "portal.yml", old: "abbr: sz", new: "abbr: SZ",
              reportedFile: "portal.yml", line: 32, message: "`SZ` is not lowercase ASCII letters"),
        .init(name: "duplicate abbreviation", file: "portal.yml", old: "abbr: sq", new: "abbr: nj",
              reportedFile: "portal.yml", line: 38, message: "`nj` is used by two cities"),
        .init(name: "missing title", file: "answers/province/flu.md", old: "title: 流感疫苗每年都要接种吗？\n", new: "",
              reportedFile: "answers/province/flu.md", line: 2, message: "`title` is missing"),
        .init(name: "malformed YAML", file: "answers/province/flu.md", old: "tags: [流感]", new: "tags: [流感",
              reportedFile: "answers/province/flu.md", line: 7, message: "The YAML is malformed"),
        .init(name: "overrides naming no provincial answer", file: "answers/sz/sz-insurance.md", old: "overrides: insurance-basic",
              new: "overrides: insurance-basics", reportedFile: "answers/sz/sz-insurance.md", line: 6,
              message: "`overrides: insurance-basics` names no provincial answer"),
        .init(name: "misspelt key", file: "answers/province/flu.md", old: "category:", new: "catgory:",
              reportedFile: "answers/province/flu.md", line: 4, message: "Did you mean `category`?"),
        .init(name: "impossible date", file: "answers/province/flu.md", old: "updated: 2024-09-10", new: "updated: 2024-02-30",
              reportedFile: "answers/province/flu.md", line: 5, message: "`2024-02-30` is not a date"),
        .init(name: "city id taking a provincial address", file: "answers/nj/nj-clinic.md", old: "id: nj-clinic", new: "id: flu",
              reportedFile: "answers/nj/nj-clinic.md", line: 2, message: "also a provincial answer's id"),
        .init(name: "YAML null title", file: "answers/province/flu.md", old: "title: 流感疫苗每年都要接种吗？", new: "title: ~",
              reportedFile: "answers/province/flu.md", line: 3, message: "`title` has no value"),
        .init(name: "null written out", file: "answers/province/flu.md", old: "category: vaccination", new: "category: null",
              reportedFile: "answers/province/flu.md", line: 4, message: "`category` has no value"),
        .init(name: "null in capitals", file: "answers/province/flu.md", old: "category: vaccination", new: "category: NULL",
              reportedFile: "answers/province/flu.md", line: 4, message: "`category` has no value"),
        .init(name: "null by its tag", file: "answers/province/flu.md", old: "title: 流感疫苗每年都要接种吗？", new: "title: !!null 流感",
              reportedFile: "answers/province/flu.md", line: 3, message: "`title` has no value"),
        .init(name: "null under a text tag", file: "answers/province/flu.md", old: "title: 流感疫苗每年都要接种吗？", new: "title: !!str null",
              reportedFile: "answers/province/flu.md", line: 3, message: "`title` has no value"),
        .init(name: "a merge key", file: "answers/province/flu.md", old: "tags: [流感]", new: "<<: {title: 另一个标题}",
              reportedFile: "answers/province/flu.md", line: 6, message: "`<<` is not a known key"),
        .init(name: "escape code in a title", file: "answers/province/flu.md", old: "title: 流感疫苗每年都要接种吗？",
              new: "title: \"流感\\e[2J疫苗\"", reportedFile: "answers/province/flu.md", line: 3, message: "control character U+001B"),
        .init(name: "line break in a slogan", file: "portal.yml", old: "slogan: 测试口号守护健康", new: "slogan: \"测试口号\\n守护健康\"",
              reportedFile: "portal.yml", line: 8, message: "`slogan` contains the invisible control character U+000A"),
        .init(name: "null province name", file: "portal.yml", old: "name: 测试省", new: "name: ~",
              reportedFile: "portal.yml", line: 1, message: "`name` has no value"),
        .init(name: "year zero", file: "answers/province/flu.md", old: "updated: 2024-09-10", new: "updated: 0000-01-01",
              reportedFile: "answers/province/flu.md", line: 5, message: "`0000-01-01` is not a date"),
        .init(name: "front matter never closed", file: "answers/nj/nj-clinic.md", old: "updated: 2024-09-02\n---", new: "updated: 2024-09-02",
              reportedFile: "answers/nj/nj-clinic.md", line: 1, message: "never closed"),
    ]

    @Test(arguments: breakages)
    func brokenInputIsReportedAtItsFileAndLine(_ breakage: Breakage) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/" + breakage.file, replacing: breakage.old, with: breakage.new)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        let issue = try #require(error.issues.first { $0.description.contains(breakage.message) }, "got: \(error)")
        #expect(issue.file == fixture.content + "/" + breakage.reportedFile)
        #expect(issue.line == breakage.line)
        #expect(!issue.fix.isEmpty)
        #expect(error.description.contains("\(issue.file):\(breakage.line.map(String.init) ?? "")"))
    }

    @Test func aQuotedTildeIsTextNotNull() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title: \"~\"")
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.answers.first { $0.id == "flu" }?.title == "~")
    }

    /// Values are text as written, whatever type YAML could give them; `~` stays "no value".
    @Test(arguments: ["12320", "yes", "2024-08-01", "0x1F", ".inf", "1_000", "= 热线", "NuLL", "<<"])
    func aTitleThatLooksLikeANumberOrADateIsTheTextWritten(_ title: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title: \(title)")
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.answers.first { $0.id == "flu" }?.title == title)
    }

    @Test func aFoldedTitleLosesItsTrailingLineBreak() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title: >\n  流感疫苗\n  每年都要接种吗？")
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.answers.first { $0.id == "flu" }?.title == "流感疫苗 每年都要接种吗？")
    }

    /// Editors type `title：` with the full-width colon of Chinese input; a `：` inside a value stays.
    @Test func aFullWidthColonAfterAKeyIsAColon() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title：问题：流感疫苗每年都要接种吗？")
        try fixture.edit("Content/answers/province/flu.md", replacing: "updated: 2024-09-10", with: "updated ：　2024-09-10")
        let answer = try #require(try ContentLoader.load(directory: fixture.content).answers.first { $0.id == "flu" })
        #expect(answer.title == "问题：流感疫苗每年都要接种吗？")
        #expect(answer.updated.description == "2024-09-10")
    }

    /// Found by a review: the lines of a block scalar are text, and Windows line ends are line ends.
    @Test func fullWidthColonsInsideABlockScalarStayAndWindowsFilesAreRead() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "title: 流感疫苗每年都要接种吗？", with: "title: >\n  QQ：群号见下\n  流感疫苗")
        #expect(try ContentLoader.load(directory: fixture.content).answers.first { $0.id == "flu" }?.title.hasPrefix("QQ：群号见下") == true)
        let text = try fixture.read("Content/answers/province/flu.md").replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "category: vaccination", with: "category：vaccination")
        try fixture.write(text, to: "Content/answers/province/flu.md")
        #expect(try ContentLoader.load(directory: fixture.content).answers.first { $0.id == "flu" }?.category == "vaccination")
    }

    @Test func aCategoryMayBeNamedByTheLabelTheSiteShows() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "category: vaccination", with: "category: 预防接种")
        #expect(try ContentLoader.load(directory: fixture.content).answers.first { $0.id == "flu" }?.category == "vaccination")
    }

    @Test func anUnknownCategoryLabelIsStillAnError() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "category: vaccination", with: "category: 疫苗")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.filter { $0.file.hasSuffix("flu.md") }.map(\.line) == [4])
    }

    @Test func unknownCityFolderIsNamed() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("---\nid: x\ntitle: 问\ncategory: insurance\nupdated: 2024-01-01\n---\n答\n", to: "Content/answers/zz/x.md")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.file) == [fixture.content + "/answers/zz"])
        #expect(error.issues[0].message.contains("`zz`"))
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let fixture = try ProvinceFixture()
        var bytes = Data("---\nid: gbk\ntitle: 问题\ncategory: insurance\nupdated: 2024-01-01\n---\n".utf8)
        bytes += Data([0xC4, 0xE3, 0xBA, 0xC3])  // 你好 in GBK
        try fixture.write(bytes, to: "Content/answers/province/gbk.md")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line == 7)
        #expect(error.issues[0].message.contains("UTF-8"))
    }

    @Test func everyProblemOfARunIsReportedTogether() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/nj/nj-clinic.md", replacing: "category: vaccination", with: "category: nope")
        try fixture.edit("Content/answers/province/flu.md", replacing: "updated: 2024-09-10", with: "updated: yesterday")
        try fixture.edit("Content/answers/sz/sz-insurance.md", replacing: "overrides: insurance-basic", with: "overrides: missing")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(Set(error.issues.map { ($0.file as NSString).lastPathComponent }) == ["nj-clinic.md", "flu.md", "sz-insurance.md"])
        #expect(error.description.hasSuffix("3 problems found."))
    }
}
