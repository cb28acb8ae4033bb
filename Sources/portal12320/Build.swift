import ArgumentParser
import Content
import Diagnostics
import Foundation
import Publish
import Review
import Site

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build every opened city's site and the provincial hub into the output folder.")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The theme folder.", valueName: "dir"))
    var templates = "Templates"

    @Option(help: ArgumentHelp("Where the sites are written, one folder per domain.", valueName: "dir"))
    var output = "dist"

    @Option(name: .customLong("city"), help: ArgumentHelp("Build only this city (repeatable); other sites in the output are kept.", valueName: "abbr"))
    var cities: [String] = []

    /// A build replaces the whole output folder: refuse one that is not a previous build's.
    func validate() throws {
        do {
            try OutputFolder.check(output: output, content: options.content, templates: templates,
                                   workingDirectory: FileManager.default.currentDirectoryPath)
        } catch {
            Terminal.report(error)
            throw ExitCode.validationFailure
        }
    }

    func run() async throws {
        let start = ContinuousClock.now
        let content = try options.load()
        try CitySelection.validate(cities, in: content.province)
        let build = SiteBuild(content: content, templatesDirectory: templates, outputDirectory: output, onlyCities: Set(cities))
        let report: SiteBuild.Report
        do {
            report = try await build.run(progress: Terminal.isInteractive ? Self.showProgress : nil)
        } catch {
            if Terminal.isInteractive { Terminal.error("") }
            Terminal.report(error)
            Terminal.error("Nothing was published: \(output)/ is as it was before this build.")
            throw ExitCode.failure
        }
        if Terminal.isInteractive { Terminal.error("") }
        report.ledgerWarnings.forEach(Terminal.error)
        // people.yml and the review policy decide whose signature counts: every change to them is shown.
        for change in report.rosterChanges {
            Terminal.say(change)
        }
        for held in report.heldBack {
            let kind = held.isPendingRevision ? "kept at the approved revision" : "held back"
            Terminal.say("\(kind): \(held.item.reference) (\(held.item.file)): \(held.reason ?? "")")
        }
        Terminal.say("review ledger: \(report.ledgerHead) verified and recorded in \(output)/\(LedgerRecord.fileName)")
        func seconds(_ duration: Duration) -> String {
            String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        Terminal.say("Built \(report.sites) sites, \(report.pages) pages, \(report.files) files into \(output)/ in \(seconds(ContinuousClock.now - start)) s (search indexes \(seconds(report.searchIndexTime)) s); \(report.heldBack.count) held back (listed in \(output)/\(SiteBuild.heldBackReport)), \(report.privateReplies) private replies not published\(report.directoryAnswers > 0 ? "; \(report.directoryAnswers) answers show numbers or addresses of the contact directory" : "").")
    }

    @Sendable static func showProgress(done: Int, total: Int) {
        FileHandle.standardError.write(Data("\rWriting files: \(done)/\(total)".utf8))
    }
}
