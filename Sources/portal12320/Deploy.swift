import Diagnostics
import ArgumentParser
import Foundation
import Glibc
import Publish

struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put built sites on their deploy targets as new releases and switch them together.",
        discussion: "Each site goes to <root>/<domain>/releases/<id>/ on every target of its city (`deploy: targets:` in portal.yml, "
            + "or --to ROOT), is verified file by file, and only when every target is ready is <root>/<domain>/current switched on each.")

    @Option(help: ArgumentHelp("The build output.", valueName: "dir"))
    var dist = "dist"

    @OptionGroup var where_: DeployTargetOptions

    @Option(help: "Releases to keep besides the current one (0 or more).")
    var keep = 5

    @Flag(help: "Deploy even though people.yml or the review policy changed since the release online (check the build's people.yml lines first).")
    var acceptChanges = false

    @Flag(help: "Say what would be uploaded, linked and removed, and change nothing.")
    var dryRun = false

    @Option(help: "Refuse a release that drops more than this many pages of the one online.")
    var maxDeletes = 50

    @Flag(help: "Build the cities named (only them, as `build --city`) into --dist first, then deploy them.")
    var build = false

    @Option(help: ArgumentHelp("The theme folder, with --build.", valueName: "dir"))
    var templates = "Templates"

    /// Checked before any site is touched: `--keep -1` once crashed after the first site was switched.
    func validate() throws {
        guard keep >= 0 else { throw ValidationError("--keep must be 0 or more (releases kept besides the current one), not \(keep).") }
        guard maxDeletes >= 0 else { throw ValidationError("--max-deletes must be 0 or more, not \(maxDeletes).") }
    }

    func run() async throws {
        // A server that closes the connection while a list is sent to it must not kill this process.
        signal(SIGPIPE, SIG_IGN)
        if build {
            let build = try Build.parse(["--content", where_.content, "--templates", templates, "--output", dist]
                + where_.cities.flatMap { ["--city", $0] })
            try build.validate()
            try await build.run()
        }
        let sites = try where_.sites(installed: {
            Deployment(dist: dist, shelves: []).sites().map { ($0, ReleaseManifest.read(from: "\(dist)/\($0)/\(ReleaseManifest.fileName)")?.city) }
        }, in: dist)
        var failed = false
        for (domain, shelves) in sites {
            let deployment = Deployment(dist: dist, shelves: shelves, keep: keep, acceptTrustChanges: acceptChanges, maxDeletes: maxDeletes)
            do {
                for result in try deployment.deploy(domain, dryRun: dryRun) {
                    report(result, domain: domain)
                }
            } catch {
                Terminal.report(error)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func report(_ result: Deployment.TargetOutcome, domain: String) {
        let place = "\(domain) on \(result.target)"
        if !result.defaced.isEmpty {
            Terminal.say("\(place): \(Plural.of(result.defaced.count, "file")) of the release online had been changed on the server, "
                + (dryRun ? "would be repaired:" : "now repaired:"))
            result.defaced.forEach { Terminal.say("  /\($0)") }
        }
        var removed: [String] = []
        switch result.outcome {
        case .deployed(let release, let copied, let linked, let removedPages):
            Terminal.say("\(place): deployed \(release) (\(copied) files copied, \(linked) unchanged and linked).")
            removed = removedPages
        case .reused(let release, let removedPages):
            Terminal.say("\(place): the same content as release \(release), kept there: it "
                + (dryRun ? "would be current again (dry run, nothing changed)." : "is current again (no new release)."))
            removed = removedPages
        case .unchanged(let release):
            Terminal.say("\(place): unchanged, \(release) stays current.")
        case .wouldDeploy(let upload, let link, let removedPages):
            Terminal.say("\(place): would upload \(Plural.of(upload.count, "file")) and link \(link) unchanged (dry run, nothing changed):")
            upload.forEach { Terminal.say("  upload /\($0)") }
            removed = removedPages
        }
        if !removed.isEmpty {
            Terminal.say("\(place): \(Plural.of(removed.count, "page")) the previous release served are gone from this one:")
            removed.forEach { Terminal.say("  /\($0)") }
        }
    }
}
