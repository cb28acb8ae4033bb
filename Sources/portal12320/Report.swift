import ArgumentParser
import Content
import Foundation
import Review
import Site

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reports for the provincial centre.", subcommands: [Conflicts.self, Freshness.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, csv
    }

    struct Conflicts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List city answers that override provincial ones (article 30).")

        @OptionGroup var options: ContentOptions

        @Option(help: "markdown or csv.")
        var format: Format = .markdown

        func run() async throws {
            let content = try options.load()
            let report = ConflictReport(content: content)
            let text = format == .csv ? report.csv() : report.markdown(provinceName: content.province.name)
            print(TerminalText.safe(text, keepingLineBreaks: true), terminator: "")
        }
    }

    struct Freshness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per site: the newest answer, categories without answers, answers and categories not updated in time.",
            discussion: """
                Reads the sites as a build would publish them. Limits come from `inspection:` in portal.yml \
                (stale_after_days, default 365; home_updated_within_days; empty_categories_allowed). \
                Exit status: 0 when every site keeps the rules, 1 when one breaks a rule or the content has problems.
                """)

        @OptionGroup var options: ContentOptions

        @Option(help: ArgumentHelp("The theme folder.", valueName: "dir"))
        var templates = "Templates"

        @Option(help: "markdown or csv.")
        var format: Format = .markdown

        @Option(help: ArgumentHelp("Count ages from this day instead of today in China.", valueName: "YYYY-MM-DD"))
        var today: String?

        func run() async throws {
            guard let day = Day(today ?? ChinaTime.day(of: Date())) else {
                throw ValidationError("--today must be a date written YYYY-MM-DD, e.g. 2026-11-29.")
            }
            let content = try options.load()
            let report: FreshnessReport
            do {
                report = try await SiteBuild(content: content, templatesDirectory: templates, outputDirectory: "").freshness(today: day)
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            let text = format == .csv ? report.csv() : report.markdown(provinceName: content.province.name)
            print(TerminalText.safe(text, keepingLineBreaks: true), terminator: "")
            for site in report.sites {
                for rule in site.broken { Terminal.error("\(site.domain): error: \(rule)") }
            }
            if report.breaksARule { throw ExitCode.failure }
        }
    }
}
