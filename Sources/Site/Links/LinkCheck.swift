import Content
import Foundation

/// `check --links`: every link and anchor of the built sites, followed.
/// Links inside the province's sites are looked up among the files a build
/// writes; links to other websites are asked over HTTP (``ExternalLinks``).
/// Each site may have as many dead links as `inspection.dead_links_allowed`.
package struct LinkCheck: Sendable {
    package struct DeadLink: Sendable, Equatable {
        /// The page that links, below the output folder.
        package let page: String
        package let target: String
        package let reason: String
    }

    package struct Site: Sendable {
        package let domain: String
        package let internalLinks: Int
        package let externalLinks: Int
        package let dead: [DeadLink]
        package let allowed: Int
        package var overBudget: Bool { dead.count > allowed }
    }

    package let sites: [Site]
    /// What became of the links to other websites.
    package let external: ExternalLinks.Outcome

    package var overBudget: Bool { sites.contains(where: \.overBudget) }

    /// - Parameter external: asks other websites; `nil` checks none of them.
    package init(pages: SitePages, province: Province, external: ExternalLinks?) async throws {
        let files = pages.files
        var known = Set(files.map(\.path))
        known.formUnion(pages.search().map(\.path))
        // Every file is made, as a build would (a theme's failure shows here too); the pages are read.
        let scanned = try files.concurrentMap { file -> Result<(String, PageLinks)?, ContentIssue> in
            do throws(ContentIssue) {
                let bytes = try file.make()
                return .success(file.path.hasSuffix(".html") ? (file.path, PageLinks(html: bytes)) : nil)
            } catch {
                return .failure(error)
            }
        }.compactMap { try $0.get() }
        let ids = Dictionary(uniqueKeysWithValues: scanned.map { ($0.0, $0.1.ids) })
        let domains = Set(province.siteDomains)
        var dead: [String: [DeadLink]] = [:]
        var internalCount: [String: Int] = [:]
        var externalUses: [String: [(site: String, page: String)]] = [:]
        for (page, links) in scanned {
            let site = String(page.prefix { $0 != "/" })
            for link in links.targets {
                switch LinkTarget(link, page: page, domains: domains) {
                case .elsewhere:
                    continue
                case .external(let url):
                    externalUses[url, default: []].append((site, page))
                case .broken(let reason):
                    internalCount[site, default: 0] += 1
                    dead[site, default: []].append(DeadLink(page: page, target: link, reason: reason))
                case .local(let path, let fragment):
                    internalCount[site, default: 0] += 1
                    if let reason = Self.problem(path: path, fragment: fragment, known: known, ids: ids) {
                        dead[site, default: []].append(DeadLink(page: page, target: link, reason: reason))
                    }
                }
            }
        }
        let outcome = await external?.check(Array(externalUses.keys).sorted()) ?? .notAsked(count: externalUses.count)
        for (url, reason) in outcome.dead {
            for use in externalUses[url] ?? [] { dead[use.site, default: []].append(DeadLink(page: use.page, target: url, reason: reason)) }
        }
        var externalCount: [String: Int] = [:]
        for uses in externalUses.values { for use in uses { externalCount[use.site, default: 0] += 1 } }
        self.external = outcome
        sites = province.siteDomains.filter { known.contains("\($0)/index.html") }.map { domain in
            Site(domain: domain, internalLinks: internalCount[domain] ?? 0, externalLinks: externalCount[domain] ?? 0,
                 dead: (dead[domain] ?? []).sorted { ($0.page, $0.target) < ($1.page, $1.target) },
                 allowed: province.inspection.deadLinksAllowed)
        }
    }

    /// Why `path` (and its anchor) is not on the built sites, or `nil` when it is.
    private static func problem(path: String, fragment: String?, known: Set<String>, ids: [String: Set<String>]) -> String? {
        let candidates = path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
        guard let file = candidates.first(where: known.contains) else { return "no such page on the built site" }
        guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { return nil }
        return ids[file]?.contains(fragment) == true ? nil : "the page has no anchor `#\(fragment)`"
    }
}
