import Content
import Diagnostics
import Foundation
import Site
import Testing

/// A symbolic link among published files is refused when it leads outside its folder.
struct FolderBoundaryTests {
    /// Links `path` (below the fixture root) to `target` (absolute, or relative to the link's folder).
    func link(_ path: String, to target: String, in fixture: borrowing ProvinceFixture) throws {
        try? FileManager.default.removeItem(atPath: fixture.root + "/" + path)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/" + path, withDestinationPath: target)
    }

    func outsideFile(_ fixture: borrowing ProvinceFixture) throws -> String {
        try fixture.write("---\nid: leak\ntitle: 泄露\ncategory: insurance\nupdated: 2024-01-01\n---\nSECRET-OUTSIDE\n", to: "elsewhere/leak.md")
        return fixture.root + "/elsewhere/leak.md"
    }

    @Test func anAnswerLinkedFromOutsideIsRefusedByName() throws {
        let fixture = try ProvinceFixture()
        try link("Content/answers/province/leak.md", to: try outsideFile(fixture), in: fixture)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.file) == [fixture.content + "/answers/province/leak.md"])
        #expect(error.issues[0].message.contains("symbolic link"))
    }

    @Test func aCityFolderLinkedFromOutsideIsRefused() throws {
        let fixture = try ProvinceFixture()
        _ = try outsideFile(fixture)
        try FileManager.default.removeItem(atPath: fixture.content + "/answers/sz")
        try link("Content/answers/sz", to: fixture.root + "/elsewhere", in: fixture)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.file) == [fixture.content + "/answers/sz"])
    }

    /// `answers/yc -> nj` would publish Nanjing's answers on Yancheng's site too, as Yancheng's.
    @Test(arguments: [("sz", "nj"), ("province", "nj"), ("sz", ".sz-answers")])
    func aCityOrProvinceFolderThatIsALinkInsideTheAnswersFolderIsRefused(_ folder: String, target: String) throws {
        let fixture = try ProvinceFixture()
        let answers = fixture.content + "/answers"
        try FileManager.default.moveItem(atPath: "\(answers)/\(folder)", toPath: "\(answers)/.\(folder)-answers")
        if target != ".\(folder)-answers" { try FileManager.default.removeItem(atPath: "\(answers)/.\(folder)-answers") }
        try link("Content/answers/\(folder)", to: target, in: fixture)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        // Without the province's answers, the cities' links to them are refused too.
        let issue = try #require(error.issues.first { $0.file == "\(answers)/\(folder)" })
        #expect(issue.message.contains("symbolic link"))
        #expect(MessageCatalog.text(issue.rendered, in: .chinese).contains("符号链接"))
        #expect(!error.issues.contains { $0.file.hasPrefix("\(answers)/\(folder)/") }, "nothing read through the link")
    }

    @Test func aLinkInsideItsFolderIsAllowed() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("---\nid: alias\ntitle: 别名\ncategory: insurance\nupdated: 2024-01-01\n---\n正文\n", to: "Content/answers/province/.drafts/alias.md")
        try link("Content/answers/province/alias.md", to: ".drafts/alias.md", in: fixture)
        let content = try ContentLoader.load(directory: fixture.content)
        #expect(content.answers.contains { $0.reference == "province/alias" })
    }

    @Test(arguments: ["flu-talk.mp3", "flu-talk.mp3.txt"])
    func mediaOrTranscriptLinkedFromOutsideIsRefused(_ name: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "tags: [流感]", with: "tags: [流感]\nmedia: [flu-talk.mp3]")
        try fixture.write(Data([0x49, 0x44, 0x33]), to: "Content/media/flu-talk.mp3")
        try fixture.write("文字稿", to: "Content/media/flu-talk.mp3.txt")
        try fixture.write("outside", to: "elsewhere/secret")
        try link("Content/media/\(name)", to: fixture.root + "/elsewhere/secret", in: fixture)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.file) == [fixture.content + "/media/\(name)"])
    }

    @Test func aLogoLinkedFromOutsideIsRefusedAtItsKey() throws {
        let fixture = try ProvinceFixture()
        try fixture.write("<svg/>", to: "elsewhere/logo.svg")
        try link("Content/logo.svg", to: fixture.root + "/elsewhere/logo.svg", in: fixture)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.line) == [7])
        #expect(error.issues[0].message.contains("`logo`"))
    }

    @Test func aThemeAssetLinkedFromOutsideIsRefused() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("secret", to: "elsewhere/secret.css")
        try link("Templates/assets/extra.css", to: fixture.root + "/elsewhere/secret.css", in: fixture)
        let content = try ContentLoader.load(directory: fixture.content)
        let issue = await #expect(throws: ContentIssue.self) {
            try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        }
        #expect(issue?.file == fixture.templates + "/assets/extra.css")
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }
}
