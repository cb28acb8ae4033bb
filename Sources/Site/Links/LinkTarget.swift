import Foundation

/// Where one `href` or `src` of a page leads: a file of the built sites
/// (with an anchor), another website, or nowhere a check can follow.
enum LinkTarget: Equatable {
    /// A file below the output folder (`www.jsnj12320.cn/answers/flu/index.html`,
    /// or a folder's path ending in `/`), and the anchor after `#`.
    case local(path: String, fragment: String?)
    /// An `http` or `https` address of another website.
    case external(String)
    /// `mailto:`, `tel:` and other schemes a browser hands to another program.
    case elsewhere
    /// A link that can lead nowhere on the site (it climbs above the site's root, or runs script).
    case broken(String)

    /// - Parameters:
    ///   - page: the page's path below the output folder, `www.jsnj12320.cn/answers/flu/index.html`.
    ///   - domains: the domains of the province's sites, whose absolute links are checked as files.
    init(_ link: String, page: String, domains: Set<String>) {
        let trimmed = link.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard !trimmed.isEmpty else {
            self = .broken("the address is empty (written empty, or dropped as unsafe)")
            return
        }
        if (lower.hasPrefix("http:") || lower.hasPrefix("https:")) && !lower.contains("://") {
            self = .broken("an http address needs `//` after the colon")
            return
        }
        let site = String(page.prefix { $0 != "/" })
        var rest = trimmed
        var root = site
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            let afterScheme = trimmed[trimmed.range(of: "//")!.upperBound...]
            let host = afterScheme.prefix { !"/?#".contains($0) }
            let name = host.lowercased().split(separator: ":").first.map(String.init) ?? ""
            guard domains.contains(name) else {
                self = .external(lower.hasPrefix("//") ? "https:" + trimmed : trimmed)
                return
            }
            root = name
            rest = String(afterScheme.dropFirst(host.count))
            if rest.isEmpty || rest.first != "/" { rest = "/" + rest }
        } else if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") {
            let scheme = lower[..<colon]
            self = ["javascript", "vbscript", "data"].contains(scheme) ? .broken("a `\(scheme):` link runs in the browser") : .elsewhere
            return
        }
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding
            rest = String(rest[..<hash])
        }
        if let question = rest.firstIndex(of: "?") { rest = String(rest[..<question]) }
        let pageFolder = "/" + page.dropFirst(site.count + 1).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var path: String
        if rest.isEmpty {
            self = .local(path: page, fragment: fragment)
            return
        } else if rest.hasPrefix("/") {
            path = rest
        } else {
            path = (pageFolder.hasSuffix("/") ? pageFolder : pageFolder + "/") + rest
        }
        path = path.removingPercentEncoding ?? path
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            switch part {
            case ".": continue
            case "..":
                guard !segments.isEmpty else {
                    self = .broken("it climbs above the site's root")
                    return
                }
                segments.removeLast()
            case "" where index > 0 && index < parts.count - 1: continue
            default: if !part.isEmpty { segments.append(part) }
            }
        }
        let folder = path.hasSuffix("/") || parts.last == "." || parts.last == ".."
        self = .local(path: root + "/" + segments.joined(separator: "/") + (folder && !segments.isEmpty ? "/" : ""), fragment: fragment)
    }
}
