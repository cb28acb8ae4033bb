import Content
import Foundation
@testable import Site
import Testing

/// A rendering's HTML, plain text and search pieces, kept in the build's spill file, read back as they were made.
struct RenderedTextsTests {
    @Test(arguments: [("<p>流感疫苗每年接种一次。</p>\n", "流感疫苗每年接种一次。"), ("", ""), ("<p>é 🧪 \u{200B}</p>", "é 🧪 \u{200B}"),
                      ("<p>a</p>", "")])
    func spilledTextsAreReadBackAsMade(html: String, plainText: String) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let spill = try #require(SpillFile(directory: folder))
        let pieces = plainText.isEmpty ? [] : [plainText, "\"引号\"</script>"]
        var json: [UInt8] = Array("[".utf8)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            SearchIndex.appendJSONString(piece, to: &json)
        }
        json += Array("]".utf8)
        // Another text before it: offsets, not the start of the file.
        _ = RenderedTexts(html: "<p>前一条</p>", plainText: "前一条", searchPieces: ["前一条"], spill: spill)
        let spilled = RenderedTexts(html: html, plainText: plainText, searchPieces: pieces, spill: spill)
        #expect(spilled.isSpilled)
        #expect(spilled.html == html)
        #expect(spilled.plainText == plainText)
        #expect(spilled.searchPiecesJSON == json)
        let held = RenderedTexts(html: html, plainText: plainText, searchPieces: pieces, spill: nil)
        #expect(!held.isSpilled && held.html == html && held.plainText == plainText && held.searchPiecesJSON == json)
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
