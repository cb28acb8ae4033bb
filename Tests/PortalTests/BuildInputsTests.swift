import Foundation
import Publish
import Testing

/// What a build's records are kept under: a page's bytes depend on the theme,
/// a search file's do not, but both depend on every other input but the answers.
struct BuildInputsTests {
    /// A content folder `C` and a theme folder `T` side by side in a new folder.
    private func folders() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)").path
        try write("province: 江苏\n", to: root + "/C/portal.yml")
        try write("发烧 发热\n", to: root + "/C/search/synonyms.txt")
        try write("<footer></footer>\n", to: root + "/T/footer.mustache")
        return root
    }

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func inputs(content: String, templates: String, root: String) -> (pages: String, search: String) {
        let taken = BuildStamp.inputs(content: content, templates: templates, output: root + "/dist", cities: [], day: "2026-12-01")
        return (taken.pages, taken.search)
    }

    @Test func aThemeChangeChangesThePagesInputsButNotTheSearchInputs() throws {
        let root = try folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = inputs(content: root + "/C", templates: root + "/T", root: root)
        try write("<footer>新</footer>\n", to: root + "/T/footer.mustache")
        let themed = inputs(content: root + "/C", templates: root + "/T", root: root)
        #expect(themed.pages != before.pages)
        #expect(themed.search == before.search)
        try write("发烧 发热 高烧\n", to: root + "/C/search/synonyms.txt")
        #expect(inputs(content: root + "/C", templates: root + "/T", root: root).search != themed.search)
    }

    /// Content named through the theme folder (`T/../C`), or a theme folder that holds the content: the theme's files
    /// cannot be told from the content's by their paths, and nothing is left out of the search inputs.
    @Test(arguments: ["through", "holding"])
    func contentWhosePathsReadAsTheThemesIsNeverLeftOut(_ layout: String) throws {
        let root = try folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (content, templates) = layout == "through" ? (root + "/T/../C", root + "/T") : (root + "/C", root)
        let before = inputs(content: content, templates: templates, root: root)
        try write("发烧 发热 高烧\n", to: root + "/C/search/synonyms.txt")
        #expect(inputs(content: content, templates: templates, root: root).search != before.search)
    }
}
