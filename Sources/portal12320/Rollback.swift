import ArgumentParser
import Foundation
import Publish

struct Rollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Switch a site back to its previous release.")

    @Option(help: ArgumentHelp("The deploy root.", valueName: "root"))
    var to: String

    @Option(name: .customLong("city"), help: ArgumentHelp("The city to roll back (repeatable).", valueName: "abbr"))
    var cities: [String]

    @Option(help: ArgumentHelp("The build output, to find the city of sites deployed by an older version.", valueName: "dir"))
    var dist = "dist"

    func run() async throws {
        let deployment = Deployment(dist: dist, root: to)
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: to)) ?? []
        let domains = try Sites.select(cities, from: installed.sorted(), in: to) { domain in
            ReleaseManifest.read(from: "\(to)/\(domain)/current/\(ReleaseManifest.fileName)")?.city
                ?? ReleaseManifest.read(from: "\(dist)/\(domain)/\(ReleaseManifest.fileName)")?.city
        }
        for domain in domains {
            do {
                Terminal.say("\(domain): rolled back to \(try deployment.rollback(domain)).")
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }
}
