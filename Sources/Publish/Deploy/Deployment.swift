import Content
import Crypto
import Diagnostics
import Foundation
import Glibc
import Review

/// Puts built sites on a web server's disk as releases, switching each site
/// to its new release in one atomic step: `ROOT/<domain>/current` is a
/// symlink to `releases/<id>`, replaced by `rename`, so nginx serves the old
/// release or the new one, never a mix, and a deploy killed at any point
/// leaves `current` on a complete release.
package struct Deployment: Sendable {
    /// A deploy or rollback problem, with what to do about it.
    package struct Failure: Diagnostic {
        /// The site on the deploy root, once known.
        package var location: SourceLocation?
        package let message: String

        init(message: String) {
            self.message = message
        }
    }

    /// What happened to one site.
    package enum Outcome: Sendable, Equatable {
        /// `removedPages`: pages the previous release served that this one does not.
        case deployed(release: String, copied: Int, linked: Int, removedPages: [String])
        case unchanged(release: String)
    }

    package let dist: String
    package let root: String
    /// Releases kept besides the current one.
    package let keep: Int
    /// Whether a release built with other people or another review policy than the one online may go live.
    package let acceptTrustChanges: Bool

    /// - Parameter keep: releases kept besides the current one; a negative count keeps none.
    package init(dist: String, root: String, keep: Int = 5, acceptTrustChanges: Bool = false) {
        self.dist = dist
        self.root = root
        self.keep = max(0, keep)
        self.acceptTrustChanges = acceptTrustChanges
    }

    /// The site folders of the build output (those with a manifest), sorted.
    package func sites() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dist)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: "\(dist)/\($0)/\(ReleaseManifest.fileName)") }.sorted()
    }

    /// Deploys `domain` from the build output.
    /// - Throws: ``Failure`` located at the site's folder on the deploy root.
    package func deploy(_ domain: String, now: Date = Date()) throws(Failure) -> Outcome {
        try locating(domain) { () throws(Failure) in try deploySite(domain, now: now) }
    }

    /// Runs `body`, pointing a failure at `domain`'s folder on the deploy root.
    private func locating<T>(_ domain: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        do {
            return try body()
        } catch {
            var located = error
            located.location = SourceLocation(file: "\(root)/\(domain)")
            throw located
        }
    }

    private func deploySite(_ domain: String, now: Date) throws(Failure) -> Outcome {
        let source = "\(dist)/\(domain)"
        guard let manifest = ReleaseManifest.read(from: "\(source)/\(ReleaseManifest.fileName)") else {
            throw Failure(message: "\(source) has no \(ReleaseManifest.fileName). Run `portal12320 build` first.")
        }
        try checkPaths(of: manifest, in: source)
        let site = "\(root)/\(domain)"
        let releases = "\(site)/releases"
        try make(releases)
        let current = currentRelease(of: domain)
        let currentManifest = current.flatMap { ReleaseManifest.read(from: "\(releases)/\($0)/\(ReleaseManifest.fileName)") }
        if let current, currentManifest?.contentHash == manifest.contentHash {
            return .unchanged(release: current)
        }
        if let online = currentManifest?.ledger { try checkLedger(of: manifest, extends: online) }
        // Who may approve is part of what goes online: a change is deployed only when the operator says so.
        if let online = currentManifest?.trust, manifest.trust != online, !acceptTrustChanges {
            throw Failure(message: "This build's people.yml or review policy differs from the one the release online was built with. "
                          + "Check the build's `people.yml:` lines (who was added, changed or removed, or a changed `review:`), "
                          + "then deploy with --accept-changes. Nothing was changed.")
        }

        let id = releaseID(now: now, manifest: manifest, releases: releases)
        let partial = "\(releases)/.\(id).partial"
        try? FileManager.default.removeItem(atPath: partial)
        var copied = 0
        var linked = 0
        do throws(Failure) {
            let previous = Dictionary(uniqueKeysWithValues: (currentManifest?.files ?? []).map { ($0.path, $0.sha256) })
            for entry in manifest.files {
                let target = "\(partial)/\(entry.path)"
                try make((target as NSString).deletingLastPathComponent)
                // Unchanged since the current release: a hard link, nothing uploaded.
                if let current, previous[entry.path] == entry.sha256, link("\(releases)/\(current)/\(entry.path)", target) == 0 {
                    linked += 1
                } else {
                    try copy("\(source)/\(entry.path)", to: target)
                    copied += 1
                    Failpoint.deployCopy.reach()
                }
            }
            try copy("\(source)/\(ReleaseManifest.fileName)", to: "\(partial)/\(ReleaseManifest.fileName)")
            if let current { carryOverAssets(from: "\(releases)/\(current)", to: partial, manifest: manifest) }
            try verify(partial, against: manifest)
            guard rename(partial, "\(releases)/\(id)") == 0 else { throw failure("cannot finish release \(id)", partial) }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        Failpoint.deployBeforeSwitch.reach()
        try switchCurrent(of: domain, to: id)
        prune(releases, current: id)
        let pages = Set(manifest.files.map(\.path))
        let removed = (currentManifest?.files ?? []).map(\.path).filter { $0.hasSuffix(".html") && !pages.contains($0) }
        return .deployed(release: id, copied: copied, linked: linked, removedPages: removed)
    }

    /// Refuses a release built from a ledger that does not hold every line of
    /// the one the release online was built from (a decision was removed).
    private func checkLedger(of manifest: ReleaseManifest, extends online: LedgerHead) throws(Failure) {
        guard let head = manifest.ledger, let record = LedgerRecord.read(outputDirectory: dist), record.head == head else {
            throw Failure(message: "The release online was built from review ledger \(online), but \(dist)/ does not say which ledger "
                          + "this build came from (\(LedgerRecord.fileName) is missing or does not match). Build again with this version, then deploy.")
        }
        guard record.extends(online) else {
            throw Failure(message: "The review ledger was rewound: the release online was built from \(online), and this build's ledger "
                          + "(\(head)) does not hold that line. A decision was removed; restore reviews.jsonl and build again. Nothing was changed.")
        }
    }

    /// Switches `domain` back to the release before the current one.
    /// - Returns: the release now current.
    package func rollback(_ domain: String) throws(Failure) -> String {
        try locating(domain) { () throws(Failure) in
            let releases = self.releases(of: domain)
            guard let current = currentRelease(of: domain), let index = releases.firstIndex(of: current) else {
                throw Failure(message: "There is no current release to roll back from.")
            }
            guard index > 0 else {
                throw Failure(message: "\(current) is the oldest release kept: there is nothing to roll back to.")
            }
            try switchCurrent(of: domain, to: releases[index - 1])
            return releases[index - 1]
        }
    }

    /// The release `current` points at, if any.
    package func currentRelease(of domain: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/\(domain)/current") else { return nil }
        return (target as NSString).lastPathComponent
    }

    /// Complete releases of `domain`, oldest first.
    package func releases(of domain: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(domain)/releases")) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }

    // MARK: Steps

    /// `<UTC time>-<content hash>`: sorts by age and names what it holds.
    private func releaseID(now: Date, manifest: ReleaseManifest, releases: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(formatter.string(from: now))-\(manifest.contentHash.prefix(10))"
        var id = base
        var counter = 2
        while FileManager.default.fileExists(atPath: "\(releases)/\(id)") {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }

    /// Keeps the previous release's fingerprinted assets: pages still open in
    /// browsers refer to them. They are not in the manifest and never verified.
    private func carryOverAssets(from previous: String, to release: String, manifest: ReleaseManifest) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(previous)/assets")) ?? []
        let listed = Set(manifest.files.map(\.path))
        for name in names where !listed.contains("assets/\(name)") {
            _ = link("\(previous)/assets/\(name)", "\(release)/assets/\(name)")
        }
    }

    private func verify(_ release: String, against manifest: ReleaseManifest) throws(Failure) {
        for entry in manifest.files {
            guard let data = FileManager.default.contents(atPath: "\(release)/\(entry.path)"),
                data.count == entry.size, SHA256.hex(data) == entry.sha256
            else {
                throw Failure(message: "\(entry.path) does not match the manifest of \(manifest.domain) (corrupted or changed after the build). "
                    + "Nothing was switched; rebuild and deploy again.")
            }
        }
    }

    /// A new symlink renamed over `current`: one atomic step.
    private func switchCurrent(of domain: String, to id: String) throws(Failure) {
        let site = "\(root)/\(domain)"
        let temporary = "\(site)/.current-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        guard symlink("releases/\(id)", temporary) == 0 else { throw failure("cannot create a symlink", temporary) }
        guard rename(temporary, "\(site)/current") == 0 else {
            unlink(temporary)
            throw failure("cannot switch current", "\(site)/current")
        }
    }

    /// Keeps the current release and the `keep` newest others; removes leftovers of interrupted deploys.
    private func prune(_ releases: String, current: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: releases)) ?? []
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".partial") {
            try? FileManager.default.removeItem(atPath: "\(releases)/\(entry)")
        }
        let complete = entries.filter { !$0.hasPrefix(".") && $0 != current }.sorted()
        for old in complete.dropLast(keep) {
            try? FileManager.default.removeItem(atPath: "\(releases)/\(old)")
        }
    }

    private func make(_ folder: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "\(folder): cannot create the folder (\(error.localizedDescription)).")
        }
    }

    private func copy(_ source: String, to target: String) throws(Failure) {
        guard let data = FileManager.default.contents(atPath: source) else { throw failure("cannot read", source) }
        guard FileManager.default.createFile(atPath: target, contents: data) else { throw failure("cannot write", target) }
    }

    private func failure(_ what: String, _ path: String) -> Failure {
        Failure(message: "\(path): \(what) (\(String(cString: strerror(errno)))). Check permissions and free space; `current` was not changed.")
    }
}
