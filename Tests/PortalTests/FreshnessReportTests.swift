import Content
import Foundation
import Site
import Testing

/// `report freshness`: what inspections count, per site, as the site shows it.
struct FreshnessReportTests {
    func report(_ fixture: borrowing ProvinceFixture, today: String) async throws -> FreshnessReport {
        let content = try ContentLoader.load(directory: fixture.content)
        return try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: "")
            .freshness(today: try #require(Day(today)))
    }

    func site(_ report: FreshnessReport, _ domain: String) throws -> FreshnessReport.Site {
        try #require(report.sites.first { $0.domain == domain })
    }

    @Test func theNewestAnswerAndStaleAnswersAreWhatEachSiteShows() async throws {
        let fixture = try ProvinceFixture()
        let report = try await report(fixture, today: "2025-06-10")
        let nanjing = try site(report, "www.jsnj12320.cn")
        // The private reply of 2024-10-11 is newer, but no page shows it.
        #expect(nanjing.newest == Day("2024-09-10"))
        #expect(nanjing.daysSinceNewest == 273)
        // Older than 365 days on 2025-06-10: only the answer of 2024-06-03.
        #expect(nanjing.staleAnswers.map(\.reference) == ["province/insurance-basic"])
        #expect(nanjing.staleAnswers.first?.days == 372)
        #expect(nanjing.staleCategories == ["医疗保障"], "its only answer is that one")
        // Suzhou replaces that answer with its own of 2024-08-01.
        let suzhou = try site(report, "www.jssz12320.cn")
        #expect(suzhou.staleAnswers.isEmpty && suzhou.staleCategories.isEmpty)
        #expect(try site(report, "www.js12320.cn").staleAnswers.map(\.reference) == ["province/insurance-basic"])
        #expect(!report.breaksARule, "no rule is configured")

        let later = try await self.report(fixture, today: "2025-09-12")
        #expect(try site(later, "www.jsnj12320.cn").staleCategories == ["预防接种", "医疗保障"])
    }

    @Test func theProvincesRulesDecideWhichSitesFail() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "cities:\n", with: """
            inspection:
              stale_after_days: 100
              home_updated_within_days: 30
              empty_categories_allowed: 0
            cities:

            """)
        try fixture.edit("Content/portal.yml", replacing: "  - key: insurance\n    name: 医疗保障\n",
                         with: "  - key: insurance\n    name: 医疗保障\n  - key: blood-donation\n    name: 无偿献血\n")
        let report = try await report(fixture, today: "2024-09-20")
        let nanjing = try site(report, "www.jsnj12320.cn")
        #expect(nanjing.emptyCategories == ["无偿献血"])
        #expect(nanjing.broken.count == 1 && nanjing.broken[0].contains("1 categories have no answer"))
        #expect(nanjing.staleAnswers.map(\.reference) == ["province/insurance-basic"], "109 days > 100")
        #expect(report.breaksARule)

        try fixture.edit("Content/portal.yml", replacing: "  empty_categories_allowed: 0", with: "  empty_categories_allowed: 1")
        #expect(try await self.report(fixture, today: "2024-09-20").breaksARule == false)
        let late = try await self.report(fixture, today: "2024-10-11")
        #expect(try site(late, "www.jsnj12320.cn").broken == ["the home page was last updated 31 days ago (limit 30, `home_updated_within_days`)"])
    }

    /// Under `review: all` with no decisions nothing is published: every site is empty, whatever the files say.
    @Test func answersAwaitingReviewDoNotCountAsUpdates() async throws {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try fixture.edit("Content/portal.yml", replacing: "cities:\n", with: "inspection:\n  home_updated_within_days: 30\ncities:\n")
        let report = try await report(fixture, today: "2024-09-20")
        let nanjing = try site(report, "www.jsnj12320.cn")
        #expect(nanjing.newest == nil)
        #expect(nanjing.emptyCategories.count == 2)
        #expect(nanjing.broken == ["the site has no answer, so its home page has never been updated"])
    }

    /// A date to come would pass for an update on every home page: it breaks the rules.
    @Test func anAnswerDatedAfterTheDayOfTheReportBreaksTheRules() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "updated: 2024-09-10", with: "updated: 2099-12-31")
        let report = try await report(fixture, today: "2025-06-10")
        let nanjing = try site(report, "www.jsnj12320.cn")
        #expect(nanjing.futureAnswers.map(\.reference) == ["province/flu"])
        #expect(nanjing.broken.count == 1 && nanjing.broken[0].hasPrefix("1 answers are dated after 2025-06-10 (province/flu)"))
        #expect(report.breaksARule)
    }

    @Test func theCSVHasOneLinePerFindingAndDefusesFormulas() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/insurance-basic.md", replacing: "title: ", with: "title: =HYPERLINK(\"x\") ")
        let csv = try await report(fixture, today: "2025-06-10").csv().split(separator: "\n")
        #expect(csv.first == "site,domain,kind,subject,title,updated,days")
        #expect(csv.contains("南京市12320卫生热线,www.jsnj12320.cn,newest,,,2024-09-10,273"))
        let stale = try #require(csv.first { $0.hasPrefix("南京市12320卫生热线,www.jsnj12320.cn,stale-answer,") })
        #expect(stale.contains(",\"'=HYPERLINK(\"\"x\"\")"))
    }
}
