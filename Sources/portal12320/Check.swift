import ArgumentParser
import Content
import Review
import Site

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and theme as a build would, report every problem and what would be held back; write nothing.",
        discussion: "Exit status: 0 when a build would succeed, 1 when it would fail, 64 for wrong usage.")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The theme folder.", valueName: "dir"))
    var templates = "Templates"

    func run() async throws {
        let content = try options.load()
        let report: SiteBuild.Report
        do {
            // The build's own pass, without the writing: what it refuses, check refuses.
            report = try await SiteBuild(content: content, templatesDirectory: templates, outputDirectory: "").check()
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        report.ledgerWarnings.forEach(Terminal.error)
        for held in report.heldBack {
            Terminal.say("would be held back: \(held.item.reference) (\(held.item.file)): \(held.reason ?? "")")
        }
        let published = content.answers.count { $0.visibility == .public }
        Terminal.say("Content is valid: \(content.answers.count) answers (\(published) public), \(content.province.cities.count) cities; "
              + "a build would write \(report.pages) pages and hold back \(report.heldBack.count).")
    }
}
