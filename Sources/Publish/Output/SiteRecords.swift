import Content
import Foundation

/// What the last build wrote into each site folder of an output, and from
/// which inputs: a build whose inputs for a site are the same, and which finds
/// that site's folder as the last build left it, keeps the folder as it is
/// instead of rendering and writing it again. Kept in `.build-cache/` beside
/// the output folder (safe to delete: the next build then makes every site),
/// removed when a build starts writing and written again once it committed,
/// so a build that fails or is killed leaves no record to trust.
package struct SiteRecords: Codable, Sendable, Equatable {
    package struct Site: Codable, Sendable, Equatable {
        /// SHA-256 of everything the site is made from (see `SiteBuild`).
        package let inputs: String
        /// The site folder's fingerprint after the build (``BuildStamp/contents(of:)``).
        package let outputs: String

        package init(inputs: String, outputs: String) {
            self.inputs = inputs
            self.outputs = outputs
        }
    }

    /// By domain (the site's folder in the output).
    package var sites: [String: Site]
    /// The fingerprint of the inputs but the answers and the ledger the last build wrote the
    /// record with (`BuildStamp.inputs`' `sites`, part of every site's ``Site/inputs``): a build
    /// whose own differs keeps no site, whatever its walk of the folders finds. At worst
    /// (a `--city` build with other shared inputs wrote the record) it makes again a site it could
    /// have kept; never the other way. `nil` in a record of an earlier version.
    package var shared: String?
    /// The hash of the lexicon folder (its lists and contact directory) the recorded sites were moderated with:
    /// a `--city` build under another lexicon would keep other cities' sites moderated with the old one.
    package var lexicon: String?

    package init(sites: [String: Site], shared: String? = nil) {
        self.sites = sites
        self.shared = shared
    }

    /// The fingerprint of the site folder `domain` of `output`, when it is as
    /// the record says, made from `inputs`; `nil` when it is not (or was not recorded).
    /// - Parameter walked: ``folders(in:)`` of `output`, taken ahead; without it the folder is walked now.
    package func unchanged(_ domain: String, inputs: String, in output: String, walked: [String: String]? = nil) -> String? {
        guard let recorded = outputs(of: domain, madeFrom: inputs) else { return nil }
        let now = if let walked { walked[domain] } else { Self.fingerprint(of: domain, in: output) }
        return recorded == now ? recorded : nil
    }

    /// The fingerprint the record holds of the site folder `domain` as the last build left it, when that build
    /// made it from `inputs`; `nil` otherwise. Says nothing of the folder as it is now (``unchanged(_:inputs:in:walked:)``).
    package func outputs(of domain: String, madeFrom inputs: String) -> String? {
        sites[domain].flatMap { $0.inputs == inputs ? $0.outputs : nil }
    }

    /// Each recorded site folder of `output` as it is now (``BuildStamp/contents(of:)``), walked on all
    /// cores: `build` takes it from its start, before it knows its own ``shared``, while it stamps its inputs and
    /// reads its content, for ``unchanged(_:inputs:in:walked:)`` and its nothing-changed check.
    package func folders(in output: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: sites.keys.sorted().concurrentMap { ($0, Self.fingerprint(of: $0, in: output)) }).compactMapValues { $0 }
    }

    /// The fingerprint of the site folder `domain` of `output`, if it is a folder: not a link to one
    /// (wherever it leads, the output would hold a link out of itself).
    private static func fingerprint(of domain: String, in output: String) -> String? {
        FileStamp(path: "\(output)/\(domain)")?.isFolder == true ? BuildStamp.contents(of: "\(output)/\(domain)") : nil
    }

    /// The entries of `output` a `--city` build would leave in place that `record` does not vouch for as
    /// moderated with `lexicon`: every entry but plain files and what the build writes (`making`), when there
    /// is no record, or it was made under another lexicon (or none recorded); else each entry the record does
    /// not list, or that is no longer as the record says the build left it (walked, on all cores: a folder
    /// put back from an older build, moderated with an older lexicon, is not the one the record vouches for).
    /// A site left from a build of which nothing is known may carry a term classified since: it is not kept blindly.
    /// - Parameter walked: ``folders(in:)`` of `output`, taken ahead; a folder it lacks is walked now.
    package static func keptUnvouched(by record: SiteRecords?, in output: String, making: Set<String>, lexicon: String,
                                      walked: [String: String]? = nil) -> [String] {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { name in
            !making.contains(name) && FileStamp(path: "\(output)/\(name)")?.isFile != true
        }.sorted()
        guard let record, record.lexicon == lexicon else { return entries }
        let vouched = entries.concurrentMap { name in
            record.sites[name].map { $0.outputs == (walked?[name] ?? fingerprint(of: name, in: output)) } ?? false
        }
        return zip(entries, vouched).filter { !$0.1 }.map(\.0)
    }

    /// `.build-cache/<output folder's name>.sites.json` beside the output folder.
    package static func file(for output: String) -> String {
        BuildStamp.cacheFile(for: output, suffix: "sites.json")
    }

    /// The record the last build into `output` left, if it can be read and
    /// is sealed with the user's key (``CacheSeal``): whoever can write the
    /// project folder but not the user's home cannot write one that makes a
    /// build keep what they changed in the output.
    package static func read(for output: String, seal: CacheSeal? = CacheSeal.user()) -> SiteRecords? {
        seal?.json(SiteRecords.self, at: file(for: output))
    }

    /// Writes the record, sealed, through a temporary file renamed over it: never half a record.
    /// Without the user's key nothing is written (the next build then does all its work).
    package func write(for output: String, seal: CacheSeal? = CacheSeal.user()) throws {
        try seal?.writeJSON(self, to: Self.file(for: output))
    }

    /// Drops the record of one site of `output` (and the build stamp): the next build makes that site again.
    package static func forget(_ domain: String, in output: String) {
        // Under the build lock: a build running now must not write the record back after this.
        let lock = BuildLock.take(for: output)
        defer { withExtendedLifetime(lock) {} }
        BuildStamp.remove(for: output)
        guard var records = read(for: output) else { return }
        records.sites[domain] = nil
        try? records.write(for: output)
    }

    /// Removes the record: the next build into `output` does all its work.
    package static func remove(for output: String) {
        try? FileManager.default.removeItem(atPath: file(for: output))
    }
}
