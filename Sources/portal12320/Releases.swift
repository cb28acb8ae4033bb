import ArgumentParser
import Diagnostics
import Foundation
import Glibc
import Publish

struct Releases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the releases kept for each site on each target: id, time, pages, review ledger, which is current.")

    @OptionGroup var where_: DeployTargetOptions

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let root = where_.to ?? ""
        let sites = try where_.sites(installed: {
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().map { domain in
                (domain, ReleaseManifest.read(from: "\(root)/\(domain)/current/\(ReleaseManifest.fileName)")?.city)
            }
        }, in: root)
        var failed = false
        for (domain, shelves) in sites {
            for shelf in shelves {
                do {
                    let releases = try Deployment(dist: "", shelves: [shelf]).releases(of: domain, on: shelf)
                    Terminal.say("\(domain) on \(shelf.name): \(Plural.of(releases.count, "release"))")
                    for release in releases.reversed() {
                        let pages = release.pages.map { "\($0) pages" } ?? "no manifest"
                        let ledger = release.ledger.map { "ledger \($0)" } ?? "no ledger"
                        Terminal.say("  \(release.isCurrent ? "*" : " ") \(release.id)  \(ReleaseID.time(of: release.id) ?? "-")  \(pages)  \(ledger)"
                            + (release.isCurrent ? "  (current)" : ""))
                    }
                } catch {
                    Terminal.report(error)
                    failed = true
                }
            }
        }
        if failed { throw ExitCode.failure }
    }
}
