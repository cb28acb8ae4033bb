import Foundation
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

    @Flag(help: "Also follow every link and anchor of the built sites, and ask other websites whether theirs still answer.")
    var links = false

    @Flag(help: "With --links: do not ask other websites.")
    var linksOffline = false

    @Option(help: ArgumentHelp("With --links: seconds to wait for another website.", valueName: "seconds"))
    var linkTimeout: Double = 10

    func validate() throws {
        guard (1...300).contains(linkTimeout) else {
            throw ValidationError("--link-timeout must be a number of seconds from 1 to 300.")
        }
        if !links && (linksOffline || linkTimeout != 10) {
            throw ValidationError("--links-offline and --link-timeout go with --links.")
        }
    }

    func run() async throws {
        let content = try options.load()
        let report: SiteBuild.Report
        var linkCheck: LinkCheck?
        do {
            // The build's own pass, without the writing: what it refuses, check refuses.
            let build = SiteBuild(content: content, templatesDirectory: templates, outputDirectory: "")
            if links {
                let pages = try await build.pages()
                report = pages.report
                let cache = URL(fileURLWithPath: options.content).standardizedFileURL.deletingLastPathComponent()
                    .appendingPathComponent(".build-cache/external-links.json").path
                linkCheck = try await LinkCheck(pages: pages, province: content.province,
                                                external: linksOffline ? nil : ExternalLinks(cacheFile: cache, timeoutSeconds: linkTimeout))
            } else {
                report = try await build.check()
            }
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        report.ledgerWarnings.forEach(Terminal.error)
        for held in report.heldBack {
            Terminal.say("would be held back: \(held.item.reference) (\(held.item.file)): \(held.reason ?? "")")
        }
        let synonyms = SynonymListReport(synonyms: content.synonyms, answers: content.answers)
        synonyms.issues.forEach(Terminal.report)
        if synonyms.groups > 0 {
            Terminal.say("Search synonyms: \(synonyms.groups) groups in \(SynonymLoader.file(options.content)).")
        }
        let published = content.answers.count { $0.visibility == .public }
        Terminal.say("Content is valid: \(content.answers.count) answers (\(published) public), \(content.province.cities.count) cities; "
              + "a build would write \(report.pages) pages and hold back \(report.heldBack.count).")
        if let linkCheck {
            say(linkCheck)
            if linkCheck.overBudget { throw ExitCode.failure }
        }
    }

    /// Each dead link (an error where its site has more than it may), then one line per site.
    private func say(_ check: LinkCheck) {
        for site in check.sites {
            // A link of the theme is on every page: said once, with how many other pages carry it.
            var pages: [String: Set<String>] = [:]
            for link in site.dead { pages["\(link.target)\u{0}\(link.reason)", default: []].insert(link.page) }
            var said: Set<String> = []
            for link in site.dead where said.insert("\(link.target)\u{0}\(link.reason)").inserted {
                let others = (pages["\(link.target)\u{0}\(link.reason)"]?.count ?? 1) - 1
                let line = "\(link.page): \(site.overBudget ? "error" : "warning"): dead link `\(link.target)`: \(link.reason)"
                    + (others > 0 ? " (and on \(others) other pages of this site)" : "")
                if site.overBudget { Terminal.error(line) } else { Terminal.say(line) }
            }
        }
        for site in check.sites {
            Terminal.say("links: \(site.domain): \(site.internalLinks) within the sites, \(site.externalLinks) to other websites; "
                + "\(site.dead.count) dead (\(site.allowed) allowed)")
        }
        let outside = check.external
        if let skipped = outside.skipped {
            Terminal.say("links to other websites: \(skipped)")
        } else {
            Terminal.say("links to other websites: \(outside.asked) asked, \(outside.fromCache) answered within the last week (cache), \(outside.dead.count) dead")
        }
    }
}
