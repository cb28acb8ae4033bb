import Content
import Publish
import Synchronization

/// Each site's files as a build writes them. Once the last of a site's files
/// is written, its manifest is written beside them, its folder fingerprinted
/// from what was written into it, its page records written beside where they
/// go once the build committed, and its files' records given up: a build of 4× the
/// province held every file's record (path, SHA-256, stamp) to the end, some
/// 50 MB of its peak, for manifests, page records and fingerprints it can make
/// site by site.
final class WrittenSites: Sendable {
    /// One file as written (or kept: linked from the live output without rendering it).
    struct File: Sendable {
        let entry: ReleaseManifest.Entry
        /// A page's or search file's fingerprint as recorded for the next build (``PageRecords``; `nil` for any other file).
        var fingerprint: String?
        /// Whether it is a page the last build rendered, kept without rendering it.
        var kept = false
    }

    /// What the build keeps of its sites once all are written.
    struct Finished: Sendable {
        /// Each site's fingerprint as written (``StagedOutput/contents(of:)``), by domain.
        var outputs: [String: String] = [:]
        /// Pages kept without rendering them again.
        var keptPages = 0
    }

    private struct Site {
        var left: Int
        var files: [File] = []
    }

    private struct State {
        var sites: [String: Site]
        var finished = Finished()
    }

    private let state: Mutex<State>
    private let output: StagedOutput
    private let manifest: @Sendable (_ domain: String, _ files: [ReleaseManifest.Entry]) -> ReleaseManifest
    /// What every page depends on besides its values, and the output folder whose page records are staged.
    private let pageRecords: (shared: String, output: String)?

    /// - Parameters:
    ///   - paths: every file the build writes, below the output folder; those in a folder of `domains` are its site's.
    ///   - manifest: a site's manifest, from its files (paths relative to the site).
    ///   - pageRecords: what every page depends on besides its values, and the output folder, to stage each site's
    ///     page records for (``PageRecords/stage(_:shared:pages:for:seal:)``); `nil`: none are made.
    init(paths: [String], domains: Set<String>, output: StagedOutput, pageRecords: (shared: String, output: String)?,
         manifest: @escaping @Sendable (_ domain: String, _ files: [ReleaseManifest.Entry]) -> ReleaseManifest) {
        var sites: [String: Site] = [:]
        for path in paths {
            guard let domain = Self.site(of: path), domains.contains(domain) else { continue }
            sites[domain, default: Site(left: 0)].left += 1
        }
        state = Mutex(State(sites: sites))
        self.output = output
        self.manifest = manifest
        self.pageRecords = pageRecords
    }

    /// The folder below the output that holds `path`, if any.
    private static func site(of path: String) -> String? {
        path.firstIndex(of: "/").map { String(path[..<$0]) }
    }

    /// Takes `file`, written; when it is the last of its site, finishes the site.
    func add(_ file: File) throws(OutputError) {
        guard let domain = Self.site(of: file.entry.path) else { return }
        let done: [File]? = state.withLock { state in
            if file.kept { state.finished.keptPages += 1 }
            // In place: a copy of the site's list for every file made each site's files take quadratic time.
            guard state.sites[domain] != nil else { return nil }
            state.sites[domain]!.files.append(file)
            state.sites[domain]!.left -= 1
            guard state.sites[domain]!.left == 0 else { return nil }
            return state.sites.removeValue(forKey: domain)?.files
        }
        if let done { try finish(domain, files: done) }
    }

    private func finish(_ domain: String, files: [File]) throws(OutputError) {
        let prefix = domain.utf8.count + 1
        let entries = files.map { file in
            ReleaseManifest.Entry(path: String(file.entry.path.utf8.dropFirst(prefix))!, sha256: file.entry.sha256, size: file.entry.size)
        }
        // The manifest is the site's last file: the folder is fingerprinted with it.
        try output.write(manifest(domain, entries).encoded(), to: "\(domain)/\(ReleaseManifest.fileName)")
        let outputs = output.contents(of: domain, givingUp: true)
        if let pageRecords {
            PageRecords.stage(domain, shared: pageRecords.shared, pages: files.compactMap { file in
                file.fingerprint.map { (file.entry.path, PageRecords.Page(fingerprint: $0, sha256: file.entry.sha256, size: file.entry.size)) }
            }, for: pageRecords.output)
        }
        state.withLock { $0.finished.outputs[domain] = outputs }
    }

    /// The sites some of whose files were never given to ``add(_:)``, by domain: none once every file is written.
    var unfinished: [String] {
        state.withLock { $0.sites.keys.sorted() }
    }

    /// What was kept of every finished site.
    var finished: Finished {
        state.withLock { $0.finished }
    }
}
