import Content
import Diagnostics
import Foundation
import Review

/// Puts a built site on each of its deploy targets (``ReleaseShelf``) as a
/// new release and switches them together: every target is prepared first
/// (uploaded, linked against its current release, every file verified), and
/// only when all are ready is each `current` switched, one atomic `rename`
/// each; a target that fails before that leaves every target on its old
/// release. A deploy killed at any point leaves `current` on a complete release.
package struct Deployment: Sendable {
    /// A deploy or rollback problem, with what to do about it.
    package struct Failure: Diagnostic {
        /// The site on the target, once known.
        package var location: SourceLocation?
        package let message: String

        init(message: String) {
            self.message = message
        }

        /// The same failure, with what it left said after it.
        func adding(_ sentence: String) -> Failure {
            // A message that already says nothing changed needs no second sentence to that effect.
            let said = message.hasSuffix(sentence) || (sentence.hasPrefix("Nothing was") && message.contains("Nothing was"))
            var failure = Failure(message: said ? message : message + " " + sentence)
            failure.location = location
            return failure
        }
    }

    /// What happened to one site on one target.
    package enum Outcome: Sendable, Equatable {
        /// A new release; `removedPages`: pages the previous release served that this one does not.
        case deployed(release: String, copied: Int, linked: Int, removedPages: [String])
        /// The same content as a release kept there (after a rollback): that release is current again.
        case reused(release: String, removedPages: [String])
        case unchanged(release: String)
        /// `--dry-run`: what a deploy would do.
        case wouldDeploy(upload: [String], link: Int, removedPages: [String])
    }

    /// One target's outcome, with the files of its current release that had been changed on the server (repaired).
    package struct TargetOutcome: Sendable, Equatable {
        package let target: String
        package let outcome: Outcome
        package let defaced: [String]
    }

    /// A release kept on a target.
    package struct Release: Sendable, Equatable {
        package let id: String
        package let pages: Int?
        package let ledger: LedgerHead?
        package let isCurrent: Bool
    }

    package let dist: String
    package let shelves: [any ReleaseShelf]
    /// Releases kept besides the current one.
    package let keep: Int
    /// Whether a release built with other people or another review policy than the one online may go live.
    package let acceptTrustChanges: Bool
    /// Refuse a release that drops more pages than this of the one online; `nil`: no limit.
    package let maxDeletes: Int?

    /// - Parameter keep: releases kept besides the current one; a negative count keeps none.
    package init(dist: String, shelves: [any ReleaseShelf], keep: Int = 5, acceptTrustChanges: Bool = false, maxDeletes: Int? = nil) {
        self.dist = dist
        self.shelves = shelves
        self.keep = max(0, keep)
        self.acceptTrustChanges = acceptTrustChanges
        self.maxDeletes = maxDeletes
    }

    /// One folder on this machine (`deploy --to ROOT`).
    package init(dist: String, root: String, keep: Int = 5, acceptTrustChanges: Bool = false, maxDeletes: Int? = nil) {
        self.init(dist: dist, shelves: [FolderShelf(name: root, root: root)], keep: keep, acceptTrustChanges: acceptTrustChanges,
                  maxDeletes: maxDeletes)
    }

    /// The site folders of the build output (those with a manifest), sorted.
    package func sites() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dist)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: "\(dist)/\($0)/\(ReleaseManifest.fileName)") }.sorted()
    }

    /// The release `current` points at on the first target, if any.
    package func currentRelease(of domain: String) -> String? {
        (try? shelves.first?.current(of: domain)) ?? nil
    }

    /// What one target will get.
    private enum Step {
        case unchanged(String)
        case reuse(String, removed: [String])
        case stage(current: String?, removed: [String], upload: [String], link: Int)
    }

    /// Deploys `domain` from the build output to every target, or with `dryRun` says what that would do.
    /// - Throws: ``Failure`` located at the site's folder on the target that failed; no target was switched then.
    package func deploy(_ domain: String, now: Date = Date(), dryRun: Bool = false) throws(Failure) -> [TargetOutcome] {
        let source = "\(dist)/\(domain)"
        guard let manifest = ReleaseManifest.read(from: "\(source)/\(ReleaseManifest.fileName)") else {
            throw located(Failure(message: "\(source) has no \(ReleaseManifest.fileName). Run `portal12320 build` first."), shelves.first, domain)
        }
        try locating(shelves.first, domain) { () throws(Failure) in try checkPaths(of: manifest, in: source) }
        let nothingSwitched = shelves.count > 1 ? "Nothing was switched on any target." : "Nothing was switched."
        // Every target prepared before any is switched.
        var steps: [(shelf: any ReleaseShelf, step: Step, defaced: [String])] = []
        for shelf in shelves {
            do throws(Failure) {
                let planned = try locating(shelf, domain) { () throws(Failure) in try plan(domain, manifest: manifest, on: shelf) }
                steps.append((shelf, planned.step, planned.defaced))
            } catch {
                throw error.adding(nothingSwitched)
            }
        }
        if dryRun {
            return steps.map { shelf, step, defaced in
                let outcome: Outcome = switch step {
                case .unchanged(let id): .unchanged(release: id)
                case .reuse(let id, let removed): .reused(release: id, removedPages: removed)
                case .stage(_, let removed, let upload, let link): .wouldDeploy(upload: upload, link: link, removedPages: removed)
                }
                return TargetOutcome(target: shelf.name, outcome: outcome, defaced: defaced)
            }
        }
        let id = try releaseID(now: now, manifest: manifest, domain: domain)
        var outcomes: [TargetOutcome] = []
        var staged: [any ReleaseShelf] = []
        for (shelf, step, defaced) in steps {
            guard case .stage(let current, let removed, _, _) = step else { continue }
            do throws(Failure) {
                let counts = try locating(shelf, domain) { () throws(Failure) in
                    try shelf.stage(source, domain: domain, id: id, manifest: manifest, linkingAgainst: current, defaced: Set(defaced))
                }
                staged.append(shelf)
                outcomes.append(TargetOutcome(target: shelf.name, outcome: .deployed(release: id, copied: counts.copied, linked: counts.linked,
                                                                                      removedPages: removed), defaced: defaced))
            } catch {
                for other in staged { other.remove([id], of: domain) }
                // The site's files may not be what its build wrote (a defaced file): the next build makes it again.
                SiteRecords.forget(domain, in: dist)
                throw error.adding(nothingSwitched)
            }
        }
        Failpoint.deployBeforeSwitch.reach()
        var switched: [String] = []
        for (shelf, step, defaced) in steps {
            do throws(Failure) {
                switch step {
                case .unchanged(let current):
                    outcomes.append(TargetOutcome(target: shelf.name, outcome: .unchanged(release: current), defaced: []))
                    continue
                case .reuse(let kept, let removed):
                    try locating(shelf, domain) { () throws(Failure) in try shelf.switchCurrent(of: domain, to: kept) }
                    outcomes.append(TargetOutcome(target: shelf.name, outcome: .reused(release: kept, removedPages: removed), defaced: defaced))
                case .stage:
                    try locating(shelf, domain) { () throws(Failure) in try shelf.switchCurrent(of: domain, to: id) }
                    prune(domain, on: shelf, current: id)
                }
            } catch {
                // Said as it is: the targets switched so far serve the new release, the others the old one.
                throw error.adding(switched.isEmpty ? nothingSwitched
                    : "Already switched to the new release: \(switched.joined(separator: ", ")); run `deploy` (or `rollback`) again to bring every target to one release.")
            }
            switched.append(shelf.name)
        }
        let order = Dictionary(uniqueKeysWithValues: shelves.enumerated().map { ($1.name, $0) })
        return outcomes.sorted { order[$0.target, default: 0] < order[$1.target, default: 0] }
    }

    /// What `shelf` needs, after the checks against the release it serves.
    private func plan(_ domain: String, manifest: ReleaseManifest, on shelf: any ReleaseShelf) throws(Failure) -> (step: Step, defaced: [String]) {
        let kept = try shelf.releases(of: domain).filter(ReleaseID.isValid)
        // A `current` that is no release folder of ours (a link to elsewhere) is replaced, never linked against.
        let current = try shelf.current(of: domain).flatMap { kept.contains($0) ? $0 : nil }
        let currentManifest = try current.flatMap { id throws(Failure) in try shelf.manifest(of: domain, release: id) }
        // What is online is checked, not trusted: a file changed on the server is repaired by a new release.
        let defaced = try current.flatMap { id throws(Failure) in
            try currentManifest.map { manifest throws(Failure) in try shelf.mismatches(of: domain, release: id, against: manifest) }
        } ?? []
        if let current, currentManifest?.contentHash == manifest.contentHash, defaced.isEmpty {
            return (.unchanged(current), [])
        }
        if let online = currentManifest?.ledger { try checkLedger(of: manifest, extends: online) }
        // Who may approve is part of what goes online: a change is deployed only when the operator says so.
        if let online = currentManifest?.trust, manifest.trust != online, !acceptTrustChanges {
            throw Failure(message: "This build's people.yml or review policy differs from the one the release online was built with. "
                          + "Check the build's `people.yml:` lines (who was added, changed or removed, or a changed `review:`), "
                          + "then deploy with --accept-changes. Nothing was changed.")
        }
        let pages = Set(manifest.files.map(\.path))
        let removed = (currentManifest?.files ?? []).map(\.path).filter { $0.hasSuffix(".html") && !pages.contains($0) }
        if let maxDeletes, removed.count > maxDeletes {
            throw Failure(message: "This release drops \(removed.count) pages of the one online (more than --max-deletes \(maxDeletes)): "
                          + removed.prefix(20).map { "/\($0)" }.joined(separator: ", ") + (removed.count > 20 ? ", …" : "")
                          + ". Check that the build is complete; deploy with a higher --max-deletes if the pages are meant to go. Nothing was changed.")
        }
        // The same content as a release kept there (a redeploy after a rollback): no duplicate release.
        for kept in kept.reversed() where kept != current {
            guard let keptManifest = try shelf.manifest(of: domain, release: kept), keptManifest.contentHash == manifest.contentHash,
                try shelf.mismatches(of: domain, release: kept, against: keptManifest).isEmpty
            else { continue }
            return (.reuse(kept, removed: removed), defaced)
        }
        let online = Dictionary(uniqueKeysWithValues: (currentManifest?.files ?? []).map { ($0.path, $0.sha256) })
        let upload = manifest.files.filter { online[$0.path] != $0.sha256 || defaced.contains($0.path) }.map(\.path)
        return (.stage(current: current, removed: removed, upload: upload, link: manifest.files.count - upload.count), defaced)
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

    /// Switches `domain` on every target to release `id`, or to the one before the current one.
    /// Every target must hold that release; none is switched otherwise.
    /// - Returns: the release now current.
    package func rollback(_ domain: String, to id: String? = nil) throws(Failure) -> String {
        var chosen: String?
        for shelf in shelves {
            let release = try locating(shelf, domain) { () throws(Failure) -> String in
                let releases = try shelf.releases(of: domain).filter(ReleaseID.isValid)
                if let id {
                    guard releases.contains(id) else {
                        throw Failure(message: "There is no release \(id) here (kept: \(releases.joined(separator: ", "))). "
                                      + "List them with `portal12320 releases`. Nothing was switched.")
                    }
                    return id
                }
                guard let current = try shelf.current(of: domain), let index = releases.firstIndex(of: current) else {
                    throw Failure(message: "There is no current release to roll back from.")
                }
                guard index > 0 else {
                    throw Failure(message: "\(current) is the oldest release kept: there is nothing to roll back to.")
                }
                return releases[index - 1]
            }
            if let chosen, chosen != release {
                throw located(Failure(message: "The targets are on different releases (\(chosen), \(release)): name one with --to-release. "
                                      + "Nothing was switched."), shelf, domain)
            }
            chosen = release
        }
        guard let release = chosen else { throw Failure(message: "There is no deploy target to roll back.") }
        // Only a release that is still what its manifest says goes online again.
        for shelf in shelves {
            try locating(shelf, domain) { () throws(Failure) in
                guard let manifest = try shelf.manifest(of: domain, release: release) else {
                    throw Failure(message: "Release \(release) has no readable manifest: it cannot be checked, so it is not switched to. Nothing was switched.")
                }
                let changed = try shelf.mismatches(of: domain, release: release, against: manifest)
                if !changed.isEmpty {
                    throw Failure(message: "Release \(release) was changed on the server (\(changed.prefix(5).map { "/\($0)" }.joined(separator: ", "))"
                                  + (changed.count > 5 ? ", …" : "") + "): it is not switched to. Deploy a build of that content again instead. Nothing was switched.")
                }
            }
        }
        for shelf in shelves {
            try locating(shelf, domain) { () throws(Failure) in try shelf.switchCurrent(of: domain, to: release) }
        }
        return release
    }

    /// The releases kept for `domain` on `shelf`, oldest first.
    package func releases(of domain: String, on shelf: any ReleaseShelf) throws(Failure) -> [Release] {
        try locating(shelf, domain) { () throws(Failure) in
            let current = try shelf.current(of: domain)
            return try shelf.releases(of: domain).filter(ReleaseID.isValid).map { id throws(Failure) in
                let manifest = try shelf.manifest(of: domain, release: id)
                return Release(id: id, pages: manifest.map { $0.files.count { $0.path.hasSuffix(".html") } }, ledger: manifest?.ledger,
                               isCurrent: id == current)
            }
        }
    }

    // MARK: Steps

    /// Runs `body`, pointing a failure at `domain`'s folder on `shelf`.
    private func locating<T>(_ shelf: (any ReleaseShelf)?, _ domain: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        do {
            return try body()
        } catch {
            throw located(error, shelf, domain)
        }
    }

    private func located(_ failure: Failure, _ shelf: (any ReleaseShelf)?, _ domain: String) -> Failure {
        var located = failure
        if located.location == nil, let shelf { located.location = SourceLocation(file: shelf.address(of: domain)) }
        return located
    }

    /// The same id on every target, new on each (see ``ReleaseID``).
    private func releaseID(now: Date, manifest: ReleaseManifest, domain: String) throws(Failure) -> String {
        var taken = Set<String>()
        for shelf in shelves {
            taken.formUnion(try locating(shelf, domain) { () throws(Failure) in try shelf.releases(of: domain) })
        }
        return ReleaseID.new(at: now, contentHash: manifest.contentHash, taken: taken)
    }

    /// Keeps the current release and the `keep` newest others; removes leftovers of interrupted deploys.
    private func prune(_ domain: String, on shelf: any ReleaseShelf, current: String) {
        let others = ((try? shelf.releases(of: domain)) ?? []).filter { $0 != current && ReleaseID.isValid($0) }.sorted()
        shelf.remove(Array(others.dropLast(keep)), of: domain)
    }
}
