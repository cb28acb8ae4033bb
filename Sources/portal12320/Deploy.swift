import Diagnostics
import ArgumentParser
import Foundation
import Publish

struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy built sites into releases under ROOT and switch each one atomically.",
        discussion: "Each site goes to ROOT/<domain>/releases/<id>/, is verified against its manifest, then ROOT/<domain>/current is switched to it.")

    @Option(help: ArgumentHelp("The build output.", valueName: "dir"))
    var dist = "dist"

    @Option(help: ArgumentHelp("The deploy root on this machine, e.g. /srv/12320.", valueName: "root"))
    var to: String

    @Option(name: .customLong("city"), help: ArgumentHelp("Deploy only this city (repeatable); default: every site in the output.", valueName: "abbr"))
    var cities: [String] = []

    @Option(help: "Releases to keep besides the current one (0 or more).")
    var keep = 5

    @Flag(help: "Deploy even though people.yml or the review policy changed since the release online (check the build's people.yml lines first).")
    var acceptChanges = false

    /// Checked before any site is touched: `--keep -1` once crashed after the first site was switched.
    func validate() throws {
        guard keep >= 0 else { throw ValidationError("--keep must be 0 or more (releases kept besides the current one), not \(keep).") }
    }

    func run() async throws {
        let deployment = Deployment(dist: dist, root: to, keep: keep, acceptTrustChanges: acceptChanges)
        let domains = try Sites.select(cities, from: deployment.sites(), in: dist) { domain in
            ReleaseManifest.read(from: "\(dist)/\(domain)/\(ReleaseManifest.fileName)")?.city
        }
        var failed = false
        for domain in domains {
            do {
                switch try deployment.deploy(domain) {
                case .deployed(let release, let copied, let linked, let removed):
                    Terminal.say("\(domain): deployed \(release) (\(copied) files copied, \(linked) unchanged and linked).")
                    if !removed.isEmpty {
                        Terminal.say("\(domain): \(Plural.of(removed.count, "page")) the previous release served are gone from this one:")
                        removed.forEach { Terminal.say("  /\($0)") }
                    }
                case .unchanged(let release):
                    Terminal.say("\(domain): unchanged, \(release) stays current.")
                }
            } catch {
                Terminal.report(error)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
