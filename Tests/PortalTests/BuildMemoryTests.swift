import Content
import Foundation
import Glibc
@testable import Site
import Testing

/// The preview keeps answers, findings and renderings between builds: a build
/// that remembers must give exactly the pages a build from nothing gives,
/// whatever changed in between.
struct BuildMemoryTests {
    /// Every file of the sites (search indexes included), rendered.
    private func rendered(_ fixture: borrowing ProvinceFixture, memory: BuildMemory?) async throws -> [String: [UInt8]] {
        let content = try ContentLoader.load(directory: fixture.content, cache: memory?.answers)
        let pages = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: "", memory: memory).pages()
        var files: [String: [UInt8]] = [:]
        for file in pages.files + pages.search() { files[file.path] = try file.make() }
        return files
    }

    /// Edits of each kind a cached part depends on.
    enum Edit: String, CaseIterable {
        case answerText, linkedAnswerHeldBack, lexiconGrows, categoryRenamed, answerRemoved
        case headerTemplateEdited, sponsorRenamed, sloganChanged, stylesheetEdited

        func apply(to fixture: borrowing ProvinceFixture) throws {
            switch self {
            case .answerText:
                try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年都接种")
            case .linkedAnswerHeldBack:
                // flu links to insurance-basic: the link must become plain text.
                try fixture.edit("Content/answers/province/insurance-basic.md", replacing: "按当地规定报销", with: "内部资料按当地规定报销")
            case .lexiconGrows:
                try fixture.write(try fixture.read("Content/lexicon/classified.txt") + "夜间门诊\t测试\n", to: "Content/lexicon/classified.txt")
            case .categoryRenamed:
                try fixture.edit("Content/portal.yml", replacing: "name: 预防接种", with: "name: 疫苗接种")
            case .answerRemoved:
                try FileManager.default.removeItem(atPath: fixture.content + "/answers/nj/nj-clinic.md")
            case .headerTemplateEdited:
                // The chrome is rendered once per site and kept: a theme edit must render it again.
                try fixture.edit("Templates/header.mustache", replacing: "跳到主要内容", with: "跳到正文")
            case .sponsorRenamed:
                try fixture.edit("Content/portal.yml", replacing: "sponsor: 测试省卫生健康委员会", with: "sponsor: 测试省卫生健康委")
            case .sloganChanged:
                try fixture.edit("Content/portal.yml", replacing: "slogan: 测试口号守护健康", with: "slogan: 测试口号守护大家健康")
            case .stylesheetEdited:
                // A new stylesheet has a new fingerprinted address, which every header names.
                try fixture.write(try fixture.read("Templates/assets/style.css") + "\n.x { color: red; }\n", to: "Templates/assets/style.css")
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func aBuildThatRemembersGivesThePagesOfABuildFromNothing(_ edit: Edit) async throws {
        let fixture = try ProvinceFixture()
        let memory = BuildMemory()
        let before = try await rendered(fixture, memory: memory)
        try edit.apply(to: fixture)
        let remembered = try await rendered(fixture, memory: memory)
        Self.expect(remembered, before: before, sameAs: try await rendered(fixture, memory: nil))
    }

    /// A build that remembered changed pages (the edit mattered) and made every file a build from nothing makes.
    static func expect(_ remembered: [String: [UInt8]], before: [String: [UInt8]], sameAs fresh: [String: [UInt8]]) {
        #expect(remembered != before, "the edit changed no page")
        #expect(remembered.keys.sorted() == fresh.keys.sorted())
        for (path, bytes) in fresh where remembered[path] != bytes {
            Issue.record("\(path) differs from a build from nothing")
        }
    }

    /// Same length, and the modification time set back as it was: the status-change time still tells.
    @Test func anEditThatKeepsSizeAndModificationTimeIsStillSeen() async throws {
        let fixture = try ProvinceFixture()
        let memory = BuildMemory()
        let file = fixture.content + "/answers/province/flu.md"
        var before = stat()
        #expect(lstat(file, &before) == 0)
        _ = try await rendered(fixture, memory: memory)
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年接种两次")
        var times = [timespec(tv_sec: before.st_atim.tv_sec, tv_nsec: before.st_atim.tv_nsec),
                     timespec(tv_sec: before.st_mtim.tv_sec, tv_nsec: before.st_mtim.tv_nsec)]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        let page = try #require(try await rendered(fixture, memory: memory)["www.jsnj12320.cn/answers/flu/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("建议每年接种两次"))
    }

    /// The theme is parsed again only when one of its files changed: a saved answer reuses it, a saved template does not.
    @Test func theThemeIsLoadedAgainOnlyWhenItsFilesChange() async throws {
        let fixture = try ProvinceFixture()
        let theme = ThemeMemory()
        let first = try await theme.templates(directory: fixture.templates).generation
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年都接种")
        #expect(try await theme.templates(directory: fixture.templates).generation == first)
        try fixture.edit("Templates/footer.mustache", replacing: "</footer>", with: "<!-- x --></footer>")
        #expect(try await theme.templates(directory: fixture.templates).generation == first + 1)
    }
}
