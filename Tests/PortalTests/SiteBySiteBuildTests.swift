import Content
import Foundation
import Testing
@testable import Site

/// A build of three sites or more writes them one after another and gives up
/// what only the sites already written needed: each answer's search terms once
/// the last site listing it is indexed, each answer's rendering once the last
/// site listing it is written. It holds a site or two's worth, never the
/// province's, and writes the same bytes (`aCityBuildGivesTheSameSearchIndexAsAFullBuild`).
struct SiteBySiteBuildTests {
    @Test func anAnswersTermsAreKeptUntilTheLastSiteListingItAsksForThemAndNoLonger() throws {
        let fixture = try ProvinceFixture()
        let content = try ContentLoader.load(directory: fixture.content)
        let plan = try SitePlan(province: content.province, publishable: content.answers.filter { $0.visibility == .public },
                                heldBack: [], onlyCities: [])
        let sites = plan.sites.map { $0.answers }
        #expect(sites.count >= 3)
        let terms = SharedTermCounts(sites: sites)
        for (number, answers) in sites.enumerated() {
            for page in answers {
                let counts = terms.counts(of: page)
                let made = TermCounts(body: page.plainText, fields: [page.answer.title] + page.answer.tags)
                #expect(Self.entries(counts) == Self.entries(made), "\(page.answer.file)")
            }
            // Kept: the terms of answers listed by a site indexed and by one to come, no others.
            let asked = Set(sites[...number].flatMap { $0.map(\.answer.file) })
            let toCome = Set(sites[(number + 1)...].flatMap { $0.map(\.answer.file) })
            #expect(terms.keptFiles == asked.intersection(toCome), "after site \(number)")
            if number == 0 { #expect(!terms.keptFiles.isEmpty, "the provincial answers, listed by every site") }
        }
        #expect(terms.keptFiles.isEmpty)
        // Asked for again (a site made twice), they are made again, the same.
        let page = try #require(sites[0].first)
        #expect(Self.entries(terms.counts(of: page))
                == Self.entries(TermCounts(body: page.plainText, fields: [page.answer.title] + page.answer.tags)))
    }

    @Test func aBuildGivesUpEachAnswersRenderingOnceTheLastSiteListingItIsWritten() async throws {
        let fixture = try ProvinceFixture()
        let memory = BuildMemory()
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output, memory: memory).run()
        // The memory holds every answer the build rendered, for the next build of the same process.
        let pages = try #require(memory.pages).snapshot.values.map(\.page)
        #expect(Set(pages.map(\.answer.scope)).count >= 2)
        #expect(pages.allSatisfy { !$0.holdsRendering })
        // Asked for again, a rendering is what the build wrote.
        let page = try #require(pages.first { $0.answer.scope == .province })
        let written = try String(contentsOfFile: "\(fixture.output)/\(content.province.hubDomain)\(page.path)index.html", encoding: .utf8)
        #expect(!page.html.isEmpty && written.contains(page.html))
        #expect(page.holdsRendering)
    }

    /// Every count of `terms`, Han tokens and words, and its length.
    private static func entries(_ terms: TermCounts) -> [String] {
        var entries = ["length \(terms.length)"]
        terms.han.forEach { key, count in entries.append("han \(key) \(count)") }
        return entries + terms.words.sorted { $0.key < $1.key }.map { "word \($0.key) \($0.value)" }
    }
}
