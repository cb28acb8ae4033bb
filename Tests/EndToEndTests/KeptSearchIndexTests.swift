import Foundation
import Testing

/// A theme change renders every page again, but a site's search files show no
/// theme: each site whose answers did not change keeps the search files the last
/// build made, and the output is still exactly what a build from nothing makes.
struct KeptSearchIndexTests {
    private let nanjing = "dist/www.jsnj12320.cn"

    /// The number of sites whose search indexes a build kept, from the line it prints when it kept some.
    private func keptIndexes(_ output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.contains("search indexes of") }) else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }

    /// Each site made, from a build's summary line (`Built 4 sites, …`).
    private func sitesBuilt(_ output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Built ") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    private func changeTheTheme(of province: SampleProvinceCopy, _ mark: String) throws {
        let footer = "Templates/footer.mustache"
        try province.write(try province.read(footer) + "\n<!-- \(mark) -->\n", to: footer)
    }

    @Test func aThemeChangeKeepsEverySearchIndexAndRendersEveryPage() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let first = try province.run(["build"])
        #expect(first.status == 0, "\(first.error)")
        #expect(keptIndexes(first.output) == nil, "\(first.output)")
        try changeTheTheme(of: province, "主题已更新")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        let sites = try #require(sitesBuilt(again.output), "\(again.output)")
        #expect(keptIndexes(again.output) == sites, "\(again.output)")
        #expect(!again.output.contains("pages were as the last build rendered them"), "\(again.output)")
        #expect(try province.read(nanjing + "/index.html").contains("主题已更新"))
        try province.expectSameAsAFreshBuild()
    }

    /// An answer published with new words under a new theme: its sites' indexes are made again, with them.
    @Test func anEditedAnswerMakesTheIndexOfItsSiteAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try province.editNanjingAnswer(adding: "夜间门诊时间有调整，以医院公告为准。")
        try changeTheTheme(of: province, "主题已更新")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        let sites = try #require(sitesBuilt(again.output), "\(again.output)")
        let kept = keptIndexes(again.output) ?? 0
        #expect(kept < sites, "\(again.output)")
        #expect(try publishedDocuments(of: province).contains { $0.contains("以医院公告为准") })
        try province.expectSameAsAFreshBuild()
    }

    /// An answer held back under a new theme (a classified term added to it) leaves its site's index: no search
    /// document shows it, as none of a build from nothing does.
    @Test func anAnswerHeldBackLeavesTheIndexOfItsSite() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        #expect(try publishedDocuments(of: province).contains { $0.contains("NANJING-CLINIC-TEXT") })
        try province.editNanjingAnswer(adding: "本条引用了内部资料。")
        try changeTheTheme(of: province, "主题已更新")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("nj-clinic"), "\(again.output)")
        #expect(try !publishedDocuments(of: province).contains { $0.contains("NANJING-CLINIC-TEXT") })
        try province.expectSameAsAFreshBuild()
    }

    /// Nanjing's search documents as published.
    private func publishedDocuments(of province: SampleProvinceCopy) throws -> [String] {
        let folder = "\(nanjing)/search/docs"
        return try FileManager.default.contentsOfDirectory(atPath: "\(province.root)/\(folder)").map { try province.read("\(folder)/\($0)") }
    }

    /// A search file changed in the output since the build (same size, times set back) is made again, not kept.
    @Test func aDefacedSearchFileIsMadeAgainNotKept() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let meta = nanjing + "/search/meta.json"
        let text = try province.rewriteUnseen(meta, replacing: "{\"shards\"", with: "{\"SHARDS\"")
        try changeTheTheme(of: province, "主题已更新")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(try province.read(meta) == text)
        try province.expectSameAsAFreshBuild()
    }

    /// The synonym groups ride in each site's index: a changed list is no theme change.
    @Test func aChangedSynonymListMakesEveryIndexAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        try FileManager.default.createDirectory(atPath: province.root + "/Content/search", withIntermediateDirectories: true)
        try province.write("门诊 看病\n", to: "Content/search/synonyms.txt")
        #expect(try province.run(["build"]).status == 0)
        try province.write("门诊 就诊\n", to: "Content/search/synonyms.txt")
        try changeTheTheme(of: province, "主题已更新")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(keptIndexes(again.output) == nil, "\(again.output)")
        #expect(try province.read(nanjing + "/search/meta.json").contains("就诊"))
        try province.expectSameAsAFreshBuild()
    }
}
