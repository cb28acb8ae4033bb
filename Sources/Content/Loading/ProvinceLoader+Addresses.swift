import Foundation

/// The parts of `portal.yml` that become addresses: the sites' domains
/// (article 33), the public e-mail and hotline (links on every page) and the
/// logo file. Each is checked against its grammar before anything is written.
extension ProvinceLoader {
    /// Names a build uses beside the site folders; no domain may take one.
    static let reservedNames = OutputLayout.reservedNames

    /// Checks `hub_domain` and the domain `domain_pattern` gives every city.
    /// - Returns: every valid domain, the hub's first; empty when one is invalid.
    static func checkDomains(hub: String?, pattern: String?, cities: [City], _ fields: inout YAMLFields) -> [String] {
        var domains: [String] = []
        var owners: [String] = []
        if let hub {
            if let problem = HostName.problem(hub) {
                fields.report(at: fields.line(of: "hub_domain"), "`hub_domain` `\(hub)` is not a domain: \(problem).", HostName.rule)
                return []
            }
            domains.append(hub)
            owners.append("the hub")
        }
        guard let pattern else { return [] }
        let line = fields.line(of: "domain_pattern")
        let placeholders = pattern.components(separatedBy: "{abbr}").count - 1
        guard placeholders == 1 else {
            fields.report(at: line, "`domain_pattern` `\(pattern)` has \(placeholders == 0 ? "no" : "\(placeholders) times") `{abbr}`.",
                          "Write `{abbr}` exactly once where each city's abbreviation goes, e.g. `www.js{abbr}12320.cn` (article 33).")
            return []
        }
        for city in cities {
            let domain = pattern.replacingOccurrences(of: "{abbr}", with: city.abbr)
            if let problem = HostName.problem(domain) {
                fields.report(at: line, "`domain_pattern` `\(pattern)` gives `\(domain)` for \(city.name), which is not a domain: \(problem).",
                              "Write lowercase letters, digits, inner hyphens and dots around one `{abbr}`, e.g. `www.js{abbr}12320.cn`.")
                return []
            }
            domains.append(domain)
            owners.append(city.name)
        }
        var firstOwner: [String: String] = [:]
        for (domain, owner) in zip(domains, owners) {
            let key = owner == "the hub" || firstOwner[domain] == "the hub" ? "hub_domain" : "domain_pattern"
            let clash = firstOwner[domain].map { "is given both to \($0) and to \(owner) (`hub_domain`, `domain_pattern`)" }
                ?? (reservedNames.contains(domain) ? "names a folder the build writes" : nil)
            if let clash {
                fields.report(at: fields.line(of: key), "The domain `\(domain)` \(clash).",
                              "Give the hub and every city a domain of its own (the hub `www.js12320.cn`, cities `www.js{abbr}12320.cn`).")
                return []
            }
            firstOwner[domain] = owner
        }
        return domains
    }

    /// A site's `server_names` may not be any site's domain (planned cities' too, with or without `www.`)
    /// nor another site's name: nginx would give one of them the other's requests.
    /// - Parameters:
    ///   - sites: each site's name and settings, in the order of `domains` (the hub, then every city).
    ///   - domains: from ``checkDomains(hub:pattern:cities:_:)``; empty when they are wrong (reported there).
    static func checkServerNames(of sites: [(name: String, deploy: DeploySettings)], domains: [String], _ fields: inout YAMLFields) {
        guard domains.count == sites.count else { return }
        var owners: [String: String] = [:]
        for (domain, site) in zip(domains, sites) {
            owners[domain] = site.name
            if domain.hasPrefix("www.") { owners[String(domain.dropFirst(4))] = site.name }
        }
        for site in sites {
            for extra in site.deploy.serverNames {
                guard let owner = owners[extra] else {
                    owners[extra] = site.name
                    continue
                }
                // Its own domain, or a name it lists twice: no other site's requests.
                if owner == site.name { continue }
                fields.report(at: fields.line(of: "cities"), "`server_names` of \(site.name) lists `\(extra)`, which is \(owner)'s site.",
                              "List only other names of \(site.name)'s own site; each site's domains are set by `domain_pattern` and `hub_domain`.")
            }
        }
    }

    /// The hotline goes into `tel:` links and the e-mail into `mailto:` links on every page.
    static func checkContacts(hotline: String?, email: String?, _ fields: inout YAMLFields) {
        if let hotline, !(hotline.first?.isASCII == true && hotline.first?.isNumber == true
            && hotline.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })) {
            fields.report(at: fields.line(of: "hotline"), "`hotline` `\(hotline)` is not a phone number.",
                          "Write digits, with hyphens if needed, in quotes: `hotline: \"12320\"`.")
        }
        guard let email else { return }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let localAllowed = { (byte: UInt8) in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || "._%+-".utf8.contains(byte)
        }
        if parts.count != 2 || parts[0].isEmpty || !parts[0].utf8.allSatisfy(localAllowed) || HostName.problem(parts[1].lowercased()) != nil {
            fields.report(at: fields.line(of: "email"), "`email` `\(email)` is not an e-mail address.",
                          "Write one address such as `service@js12320.cn`.")
        }
    }

    /// The logo: a file inside the content folder, named by a relative path without `..`.
    static func checkLogo(_ logo: String, folder: String, _ fields: inout YAMLFields) {
        if let problem = contentFileProblem(logo, folder: folder, what: "logo") {
            fields.report(at: fields.line(of: "logo"), "`logo` `\(logo)`: \(problem.message)", problem.fix)
        } else if !isImage(logo) || !isImage(RealPath.of(folder + "/" + logo))
            || reviewedFolders.contains(topFolder(of: logo, in: folder)) {
            // An image, never another content file (an answer, people.yml) published as the logo, whatever a link names it.
            fields.report(at: fields.line(of: "logo"), "`logo` `\(logo)` is not an image.",
                          "Use an SVG, PNG, JPEG or WebP file, e.g. `logo: logo.svg`.")
        }
    }

    private static func isImage(_ path: String) -> Bool {
        ["svg", "png", "jpg", "jpeg", "webp"].contains((path as NSString).pathExtension.lowercased())
    }
}
