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

    @Option(name: .customLong("city"), help: ArgumentHelp("Build only this city (repeatable); other sites in the output are kept while the last build's record vouches for them.", valueName: "abbr"))
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
        // Held until the build's records are written: a second build into the same folder waits for this one.
        guard let lock = BuildLock.take(for: output, waiting: {
            Terminal.error("Another build into \(output)/ is running: waiting for it to finish.")
        }) else {
            // Without the lock, a second build could run at once and record a site it did not make as current.
            Terminal.error("error: The build lock \(BuildLock.file(for: output)) cannot be made, so another build into \(output)/ "
                           + "could run at the same time. Make `.build-cache` beside the output a folder you can write to "
                           + "(or remove it), then build again. Nothing was built.")
            throw ExitCode.failure
        }
        defer { withExtendedLifetime(lock) {} }
        // The site folders the last build made are walked from the start (the kernel's work, on the core that
        // taking the inputs' stamps and reading the content leave idle): a build with nothing changed compares the
        // output with that walk, the sites a build keeps, and a `--city` build the other cities' sites it leaves in
        // place, are checked against it. Under a changed template or portal.yml no site is kept, whatever it finds.
        let previousSites = Task.detached { [output] in SiteRecords.read(for: output).map { (records: $0, folders: $0.folders(in: output)) } }
        if let problem = CacheSeal.userKeyProblem { Terminal.error(problem) }
        BuildMemory.removeLeftovers(for: output)
        // Taken before anything is read: a file saved during the build makes the next one build again.
        let inputs = BuildStamp.inputs(content: options.content, templates: templates, output: output, cities: Set(cities),
                                       day: ChinaTime.day(of: Date()))
        let previous = BuildStamp.read(for: output)
        // A build from nothing renders the whole province: its large blocks go back to the system at once, for
        // its peak. One that follows a build renders what changed, and would pay for it in time, not memory.
        if previous == nil { FreedMemory.returnLargeBlocksAtOnce() }
        if let previous, previous.inputs == inputs.build,
            previous.outputs == BuildStamp.outputs(of: output, known: await previousSites.value?.folders ?? [:]) {
            previous.warnings.forEach(Terminal.error)
            previous.lines.forEach { Terminal.say($0) }
            Terminal.say("Nothing changed since the build of \(previous.built): \(output)/ is as that build left it (checked in \(Self.seconds(ContinuousClock.now - start)) s).")
            return
        }
        // A build that fails part-way leaves no stamp of the previous one behind to trust.
        BuildStamp.remove(for: output)
        let memory = BuildMemory.restored(for: output, cities: Set(cities))
        // The answers' stamps, taken with the inputs' before anything was read, are not taken again.
        memory.answers.take(inputs.stamps)
        // Each answer read is moderated as it is read, and gives up what readers see at once: it is never held
        // for the whole province, and each answer is parsed once.
        memory.findings.scanAsRead(by: memory.answers, contentDirectory: options.content)
        memory.answers.giveUpReaderTextsAsRead()
        // And then its source, kept in a nameless file of the build's own in `.build-cache/` (the lock's, which
        // exists) and read back to render, index and remember it.
        let cacheDirectory = BuildStamp.cacheDirectory(for: RealPath.of(output))
        SpillFile.removeLeftovers(in: cacheDirectory)
        let spill = SpillFile(directory: cacheDirectory)
        if let spill { memory.answers.spillSourcesAsRead(to: spill) }
        let content = try options.load(cities: Set(cities), cache: memory.answers)
        try CitySelection.validate(cities, in: content.province)
        // Said again by a build that finds nothing changed, as the ledger's warnings are.
        var warnings = content.otherCitiesIssues.map(\.rendered)
        if !content.otherCitiesIssues.isEmpty {
            warnings.append("\(content.otherCitiesIssues.count) problems in the answers of cities not built now: they stop those cities' builds, not this one.")
        }
        warnings.forEach(Terminal.error)
        let build = SiteBuild(content: content, templatesDirectory: templates, outputDirectory: output, onlyCities: Set(cities),
                              memory: memory, sharedInputs: inputs.sites, pageInputs: inputs.pages, searchInputs: inputs.search,
                              previousSites: previousSites, lock: lock,
                              spill: spill)
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
        var lines: [String] = []
        // people.yml and the review policy decide whose signature counts: every change to them is shown.
        for change in report.rosterChanges {
            lines.append(change)
        }
        for held in report.heldBack {
            let kind = held.isPendingRevision ? "kept at the approved revision" : "held back"
            lines.append("\(kind): \(held.item.reference) (\(held.item.file)): \(held.reason ?? "")")
        }
        lines.append("review ledger: \(report.ledgerHead) verified and recorded in \(output)/\(LedgerRecord.fileName)")
        lines.forEach { Terminal.say($0) }
        let kept = report.keptSites > 0 ? " (\(report.keptSites) of them unchanged, kept as they were)" : ""
        Terminal.say("Built \(report.sites) sites\(kept), \(report.pages) pages, \(report.files) files\(report.keptSites > 0 ? " of the others" : "") into \(output)/ in \(Self.seconds(ContinuousClock.now - start)) s (search indexes \(Self.seconds(report.searchIndexTime)) s); \(report.heldBack.count) held back (listed in \(output)/\(SiteBuild.heldBackReport)), \(report.privateReplies) private replies not published\(report.directoryAnswers > 0 ? "; \(report.directoryAnswers) answers show numbers or addresses of the contact directory" : "").")
        if report.keptPages > 0 {
            Terminal.say("\(report.keptPages) of the \(report.pages) pages were as the last build rendered them: kept, not rendered again.")
        }
        if report.keptSearchIndexes > 0 {
            Terminal.say("The search indexes of \(Plural.of(report.keptSearchIndexes, "site")) were as the last build made them from the same answers: kept, not made again.")
        }
        // Without a stamp (it could not be written) the next build simply builds again.
        let stamp = BuildStamp(inputs: inputs.build, outputs: BuildStamp.outputs(of: output, known: report.siteOutputs), built: ISO8601DateFormatter().string(from: Date()),
                               lines: lines, warnings: warnings + report.ledgerWarnings)
        try? stamp.write(for: output)
        // Done, when `build` is what this process was asked for (`deploy --build` goes on to deploy): the province,
        // the memory and the sites are given back by the kernel at once rather than released object by object when
        // this function returns (about 25 ms of a `--city` build). The build lock is a `flock`, released with the
        // process; standard output is flushed by `exit`.
        if CommandLine.arguments.dropFirst().first == "build" { Foundation.exit(0) }
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    @Sendable static func showProgress(done: Int, total: Int) {
        FileHandle.standardError.write(Data("\rWriting files: \(done)/\(total)".utf8))
    }
}
