import Foundation
import Testing

/// A site made again renders only the pages whose values changed: every
/// other page is the file the last build wrote, checked byte for byte, and
/// the output is still exactly what a build from nothing would make.
struct KeptPagesTests {
    private let nanjing = "dist/www.jsnj12320.cn"
    private let records = ".build-cache/dist.pages/www.jsnj12320.cn"

    /// The pages kept and all pages, from the line a build prints when it kept some.
    private func keptPages(_ output: String) -> (kept: Int, pages: Int)? {
        guard let line = output.split(separator: "\n").first(where: { $0.contains("pages were as the last build rendered them") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    @Test func anEditedAnswerRendersOnlyThePagesThatShowIt() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try province.editNanjingAnswer(adding: "门诊时间有调整，以医院公告为准。")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        let kept = try #require(keptPages(again.output), "\(again.output)")
        #expect(kept.kept > 0 && kept.kept < kept.pages)
        #expect(try province.read(nanjing + "/answers/nj-clinic/index.html").contains("门诊时间有调整"))
        try province.expectSameAsAFreshBuild()
    }

    /// A title is shown by the listings of other pages (home, category, related answers): each is rendered again.
    @Test func anEditedTitleReachesEveryPageThatListsIt() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let clinic = "Content/answers/nj/nj-clinic.md"
        try province.write(try province.read(clinic).replacingOccurrences(of: "title: 南京有夜间门诊吗？", with: "title: 南京哪些医院有夜间门诊？"), to: clinic)
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(try province.read(nanjing + "/index.html").contains("南京哪些医院有夜间门诊？"))
        try province.expectSameAsAFreshBuild()
    }

    /// A page changed in the output since the build (same size, times set back) is rendered again, not kept.
    @Test func aDefacedPageIsRenderedAgainNotKept() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let page = nanjing + "/privacy/index.html"
        let text = try province.rewriteUnseen(page, replacing: "<title>", with: "<title>X")
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(keptPages(again.output) != nil, "\(again.output)")
        #expect(try province.read(page) == text)
        try province.expectSameAsAFreshBuild()
    }

    /// Records without the user's seal (what a forger without the key can write) are not believed: every page is rendered.
    @Test func pageRecordsNotSealedByTheUserAreNotBelieved() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let file = province.root + "/" + records
        let sealed = try #require(FileManager.default.contents(atPath: file))
        try sealed.prefix(sealed.count - 32).write(to: URL(fileURLWithPath: file))
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(keptPages(again.output) == nil, "\(again.output)")
        try province.expectSameAsAFreshBuild()
    }

    /// A theme change changes what every page is made from: none is kept.
    @Test func aTemplateChangeRendersEveryPage() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let template = "Templates/answer.mustache"
        try province.write(try province.read(template) + "\n<!-- 主题已更新 -->\n", to: template)
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(keptPages(again.output) == nil, "\(again.output)")
        #expect(try province.read(nanjing + "/answers/nj-clinic/index.html").contains("主题已更新"))
        try province.expectSameAsAFreshBuild()
    }

    /// Every approval keeps the approved text (`Content/approved/`): that reaches a page only through its values,
    /// so an approved edit re-renders the pages that show it, not every page of every site.
    @Test func anApprovedEditKeepsThePagesThatDoNotShowIt() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "kept-test", body: "FIRST-TEXT 每年接种一次。")
        #expect(try province.approve(reference).status == 0)
        #expect(try province.run(["build"]).status == 0)
        _ = try province.addAnswer(id: "kept-test", body: "SECOND-TEXT 每年秋季接种一次。")
        #expect(try province.approve(reference).status == 0)
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        let kept = try #require(keptPages(again.output), "\(again.output)")
        #expect(kept.kept > 0 && kept.kept < kept.pages)
        #expect(try province.isPublished("SECOND-TEXT"))
        try province.expectSameAsAFreshBuild()
    }
}
