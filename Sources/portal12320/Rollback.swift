import ArgumentParser
import Foundation
import Glibc
import Publish

struct Rollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Switch a city's site back to an earlier release on every target (the previous one, or --to-release ID).")

    @OptionGroup var where_: DeployTargetOptions

    @Option(name: .customLong("to-release"), help: ArgumentHelp("The release to switch to (see `portal12320 releases`).", valueName: "id"))
    var release: String?

    @Option(help: ArgumentHelp("The build output, to find the city of sites deployed by an older version.", valueName: "dir"))
    var dist = "dist"

    func validate() throws {
        if where_.cities.isEmpty { throw ValidationError("Name the city to roll back with --city ABBR.") }
        if let release, !ReleaseID.isValid(release) { throw ValidationError("'\(release)' is not a release id; see `portal12320 releases`.") }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        for (domain, shelves) in try where_.sites(installed: { installed(in: where_.to ?? "") }, in: where_.to ?? dist) {
            do {
                Terminal.say("\(domain): rolled back to \(try Deployment(dist: dist, shelves: shelves).rollback(domain, to: release)).")
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }

    /// The sites of a deploy root, with their cities.
    private func installed(in root: String) -> [(domain: String, city: String?)] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().map { domain in
            (domain, ReleaseManifest.read(from: "\(root)/\(domain)/current/\(ReleaseManifest.fileName)")?.city
                ?? ReleaseManifest.read(from: "\(dist)/\(domain)/\(ReleaseManifest.fileName)")?.city)
        }
    }
}
