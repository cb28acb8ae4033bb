import ArgumentParser
import Foundation
import Portal

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

    @Option(help: "Releases to keep besides the current one.")
    var keep = 5

    func run() async throws {
        let deployment = Deployment(dist: dist, root: to, keep: keep)
        let domains = try Sites.select(cities, from: deployment.sites(), dist: dist)
        var failed = false
        for domain in domains {
            do {
                switch try deployment.deploy(domain) {
                case .deployed(let release, let copied, let linked):
                    print("\(domain): deployed \(release) (\(copied) files copied, \(linked) unchanged and linked).")
                case .unchanged(let release):
                    print("\(domain): unchanged, \(release) stays current.")
                }
            } catch {
                Terminal.error("error: \(domain): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}

struct Rollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Switch a site back to its previous release.")

    @Option(help: ArgumentHelp("The deploy root.", valueName: "root"))
    var to: String

    @Option(name: .customLong("city"), help: ArgumentHelp("The city to roll back (repeatable).", valueName: "abbr"))
    var cities: [String]

    @Option(help: ArgumentHelp("The build output, to find each city's domain.", valueName: "dir"))
    var dist = "dist"

    func run() async throws {
        let deployment = Deployment(dist: dist, root: to)
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: to)) ?? []
        for domain in try Sites.select(cities, from: installed.sorted(), dist: dist) {
            do {
                print("\(domain): rolled back to \(try deployment.rollback(domain)).")
            } catch {
                Terminal.error("error: \(domain): \(error)")
                throw ExitCode.failure
            }
        }
    }
}

/// Turns `--city` abbreviations into site folders (`www.js<abbr>12320.cn`).
enum Sites {
    static func select(_ cities: [String], from domains: [String], dist: String) throws -> [String] {
        guard !cities.isEmpty else {
            if domains.isEmpty { throw ValidationError("No built sites in '\(dist)'. Run `portal12320 build` first.") }
            return domains
        }
        return try cities.map { abbr in
            guard let domain = domains.first(where: { $0.hasSuffix(".js\(abbr)12320.cn") || $0 == "www.js\(abbr)12320.cn" }) else {
                throw ValidationError("No site for city '\(abbr)' in \(domains.isEmpty ? dist : domains.joined(separator: ", ")).")
            }
            return domain
        }
    }
}
