import Content
import Site
import Synchronization

/// One preview build's files, in memory: each page is rendered the first time
/// it is asked for and kept; the search indexes are made on the first search.
/// Nothing is written to disk.
final class PreviewPages: Sendable {
    /// Each site's files, listed when one of its files is first asked for, by domain.
    private let sites: [String: SitePages.Site]
    private let listed = Mutex<[String: [String: OutputFile]]>([:])
    private let makeSearch: @Sendable () -> [OutputFile]
    private let made = Mutex<[String: [UInt8]]>([:])
    private let search = Mutex<[String: OutputFile]?>(nil)

    init(_ pages: SitePages) {
        sites = Dictionary(pages.sites.map { ($0.domain, $0) }) { first, _ in first }
        makeSearch = pages.search
    }

    /// Whether `path` (below the output, e.g. `www.jsnj12320.cn/index.html`) is a file of the sites.
    func contains(_ path: String) -> Bool {
        file(at: path) != nil
    }

    /// The bytes of `path`, rendered once; `nil` when there is no such file.
    /// - Throws: ``ContentIssue`` when its template fails (the page shows the problem instead).
    func bytes(of path: String) throws(ContentIssue) -> [UInt8]? {
        if let kept = made.withLock({ $0[path] }) { return kept }
        guard let file = file(at: path) else { return nil }
        let bytes = try file.make()
        made.withLock { $0[path] = bytes }
        return bytes
    }

    private func file(at path: String) -> OutputFile? {
        if Self.isSearchIndex(path) { return searchFiles()[path] }
        let domain = String(path.prefix { $0 != "/" })
        guard let site = sites[domain] else { return nil }
        // Listed under the lock: two first requests for one site list it once.
        return listed.withLock { listed in
            if let files = listed[domain] { return files[path] }
            let files = Dictionary(site.files().map { ($0.path, $0) }) { first, _ in first }
            listed[domain] = files
            return files[path]
        }
    }

    /// `<domain>/search/…json`: made together, for every site, on the first search.
    private static func isSearchIndex(_ path: String) -> Bool {
        path.contains("/search/") && path.hasSuffix(".json")
    }

    private func searchFiles() -> [String: OutputFile] {
        search.withLock { kept in
            if let kept { return kept }
            let made = Dictionary(makeSearch().map { ($0.path, $0) }) { first, _ in first }
            kept = made
            return made
        }
    }
}
