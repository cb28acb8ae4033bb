import Content
import Foundation
@testable import Site
import Testing

/// A rendering's HTML and plain text, kept in the build's spill file, read back as they were made.
struct RenderedTextsTests {
    @Test(arguments: [("<p>流感疫苗每年接种一次。</p>\n", "流感疫苗每年接种一次。"), ("", ""), ("<p>é 🧪 \u{200B}</p>", "é 🧪 \u{200B}"),
                      ("<p>a</p>", "")])
    func spilledTextsAreReadBackAsMade(html: String, plainText: String) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let spill = try #require(SpillFile(directory: folder))
        // Another text before it: offsets, not the start of the file.
        _ = RenderedTexts(html: "<p>前一条</p>", plainText: "前一条", spill: spill)
        let spilled = RenderedTexts(html: html, plainText: plainText, spill: spill)
        #expect(spilled.isSpilled)
        #expect(spilled.html == html)
        #expect(spilled.plainText == plainText)
        let held = RenderedTexts(html: html, plainText: plainText, spill: nil)
        #expect(!held.isSpilled && held.html == html && held.plainText == plainText)
    }

    /// A build given a spill file keeps every answer's rendering there.
    @Test func aBuildKeepsItsRenderingsInItsSpillFile() async throws {
        let fixture = try ProvinceFixture()
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output, memory: memory,
                                spill: try #require(SpillFile(directory: fixture.root))).run()
        let pages = try #require(memory.pages).snapshot.values.map(\.page)
        #expect(pages.count > 3)
        for page in pages {
            #expect(page.html.contains("<p>"), "\(page.answer.file)")
            #expect(page.holdsSpilledRendering, "\(page.answer.file)")
        }
    }
}
