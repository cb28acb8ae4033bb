import Moderation

/// The normalisation table (how each character reads for moderation: OpenCC's
/// traditional → simplified, NFKC, invisible characters) kept in the user's
/// cache folder for the next command, instead of computed by each (most of a
/// small build's start). Sealed with the user's key like a build's memory,
/// and used only by the program, with the OpenCC tables, that made it
/// (``ProgramStamp``): a table anybody else wrote could make a caller's
/// number read as no number, so one that is not sealed so is computed again. Safe to delete.
package enum NormalizationTableFile {
    /// Where it is kept, if there is a home folder to keep it in.
    package static var path: String? { CacheSeal.userCacheFile("normalization-table") }

    /// Makes moderation take the table from the file, and save it there when it had to compute it.
    package static func use(seal: CacheSeal? = CacheSeal.user()) {
        guard let seal, let file = path else { return }
        let stamp = ProgramStamp.ofThisRun
        let header = Array("portal12320 normalization table 1\n\(stamp.utf8.count)\n\(stamp)".utf8)
        Lexicon.keepTable(in: ScalarTableStore(load: {
            guard let payload = seal.payload(of: file), payload.starts(with: header) else { return nil }
            return Array(payload[header.count...])
        }, save: { table in
            // Computed from tables changed since the stamp was taken: not filed under it.
            guard ProgramStamp.isUnchangedSinceStart else { return }
            try? seal.write(header + table, to: file)
        }))
    }
}
