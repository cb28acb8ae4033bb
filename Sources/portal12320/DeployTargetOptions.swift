import ArgumentParser
import Content
import Foundation
import Publish

/// Where `deploy`, `releases` and `rollback` act: a folder of this machine
/// (`--to ROOT`, every site), or each city's targets from `deploy: targets:`
/// in portal.yml (all of them, or those `--target` names).
struct DeployTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A deploy root on this machine for every site, e.g. /srv/12320 (instead of the targets in portal.yml).",
                               valueName: "root"))
    var to: String?

    @Option(name: .customLong("target"), help: ArgumentHelp("Only this target of the city's `deploy: targets:` (repeatable).", valueName: "name"))
    var targets: [String] = []

    @Option(name: .long, help: ArgumentHelp("The content folder, whose portal.yml names each city's targets.", valueName: "dir"))
    var content = "Content"

    @Option(help: ArgumentHelp("An ssh configuration file for ssh and rsync (host aliases, keys, known hosts); default: the user's.",
                               valueName: "file"))
    var sshConfig: String?

    @Option(name: .customLong("city"), help: ArgumentHelp("The city (repeatable); default: every site.", valueName: "abbr"))
    var cities: [String] = []

    func validate() throws {
        if to != nil, !targets.isEmpty { throw ValidationError("--to and --target exclude each other: --to deploys into one folder of this machine.") }
        // rsync splits its ssh command on spaces.
        if let sshConfig, sshConfig.contains(where: \.isWhitespace) || sshConfig.hasPrefix("-") {
            throw ValidationError("--ssh-config '\(sshConfig)': use a path without spaces that does not start with `-`.")
        }
        if let sshConfig, !FileManager.default.fileExists(atPath: sshConfig) {
            throw ValidationError("--ssh-config '\(sshConfig)': no such file.")
        }
    }

    /// The sites to act on, each with its targets.
    /// - Parameter installed: the sites there are, by domain, with the city each is of (`--to`: read from the folder).
    func sites(installed: () -> [(domain: String, city: String?)], in folder: String) throws -> [(domain: String, shelves: [any ReleaseShelf])] {
        if let to {
            let known = installed()
            let byDomain = Dictionary(known.map { ($0.domain, $0.city) }) { first, _ in first }
            let domains = try Sites.select(cities, from: known.map(\.domain), in: folder) { byDomain[$0] ?? nil }
            return domains.map { ($0, [FolderShelf(name: to, root: to)]) }
        }
        let file = content + "/portal.yml"
        guard FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("No portal.yml in '\(content)' to read the deploy targets from: pass --content DIR, or --to ROOT for a folder here.")
        }
        let province: Province
        do {
            province = try ProvinceLoader.load(file: file)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        let chosen: [City?] = cities.isEmpty ? [nil] + province.openedCities : try cities.map { abbr in
            guard let city = province.openedCities.first(where: { $0.abbr == abbr }) else {
                throw ValidationError("No opened city '\(abbr)' in portal.yml; cities: \(province.openedCities.map(\.abbr).joined(separator: ", ")).")
            }
            return city
        }
        return try chosen.map { city in
            let domain = city.map(province.domain(of:)) ?? province.hubDomain
            let configured = province.deploy(of: city).targets
            let unknown = targets.filter { name in !configured.contains { $0.name == name } }
            if !unknown.isEmpty || configured.isEmpty {
                throw ValidationError("\(domain) has \(configured.isEmpty ? "no deploy targets" : "no target \(unknown.joined(separator: ", "))")"
                    + (configured.isEmpty ? "" : " (its targets: \(configured.map(\.name).joined(separator: ", ")))")
                    + ". Add them under `deploy: targets:` in its entry of portal.yml, or pass --to ROOT for a folder here.")
            }
            let shelves: [any ReleaseShelf] = configured.filter { targets.isEmpty || targets.contains($0.name) }.map { target in
                switch target.location {
                case .folder(let path): FolderShelf(name: target.name, root: path)
                case .ssh: RemoteShelf(target: target, sshConfig: sshConfig)
                }
            }
            return (domain, shelves)
        }
    }
}
