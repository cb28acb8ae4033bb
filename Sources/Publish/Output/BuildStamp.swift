import Content
import Crypto
import Foundation

/// What a build read and what it left in its output folder, so that a build
/// with nothing changed stops at once instead of doing it all again. Kept in
/// `.build-cache/` beside the output folder (safe to delete), never inside it:
/// whoever can write the published files must not be able to write a stamp
/// that makes the next build leave their change in place.
///
/// Inputs: the `lstat` stamp (see ``FileStamp``) of every file of the content
/// and the theme (through links), the build's folders and cities, the
/// executable and OpenCC's tables (``ProgramStamp``), the image and PDF tools,
/// `PATH`, every `PORTAL12320_*` variable but the tests' failpoint, and the
/// day in China. Outputs: the stamp of every file of the output folder. Both
/// are taken when the build starts and after it committed; any difference —
/// a saved answer, a ledger line, a new day, a file touched in the output —
/// means the build does its work (keeping what ``SiteRecords`` allows). Input stamps include the status-change time, which no one can set
/// back, so an input edited and backdated still counts as changed; output
/// stamps cannot (see ``outputs(of:)``), so an output file rewritten in place
/// with the same size and its modification time set back is not noticed here.
package struct BuildStamp: Codable, Sendable, Equatable {
    /// SHA-256 of the inputs' stamps.
    package let inputs: String
    /// SHA-256 of the output's stamps after the build.
    package let outputs: String
    /// When the build ran (UTC, ISO 8601).
    package let built: String
    /// What the build printed, to say again.
    package let lines: [String]
    /// Its warnings, to say again.
    package let warnings: [String]

    package init(inputs: String, outputs: String, built: String, lines: [String], warnings: [String]) {
        self.inputs = inputs
        self.outputs = outputs
        self.built = built
        self.lines = lines
        self.warnings = warnings
    }

    /// The inputs' fingerprints, taken before anything is read: of all of
    /// them (`build`), and of all but the answers and the review ledger, which
    /// each site's ``SiteRecords`` entry follows by what the build decided
    /// (`sites`: the same for a `--city` build as for a full one), and the
    /// stamps themselves (taken before any file is read: an answer's stamp for ``AnswerFileCache``);
    /// and what a page's bytes depend on besides its values (`pages`, see ``PageRecords``): all but the
    /// answers, the ledger and the approved revisions (`approved/`, written by every approval), which
    /// reach a page only through its values; and what a site's search files depend on besides its index's
    /// values (`search`): the same but the theme, which no search file shows.
    package static func inputs(content: String, templates: String, output: String, cities: Set<String>,
                               day: String) -> (build: String, sites: String, pages: String, search: String, stamps: [String: FileStamp]) {
        let header = "portal12320 build stamp 1\ncontent \(RealPath.of(content))\n"
        var text = "day \(day)\n"
        text += ProgramStamp.current
        let environment = ProcessInfo.processInfo.environment
        text += "PATH \(environment["PATH"] ?? "")\n"
        // The tests' failpoint stops a build; it changes nothing a build makes.
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("PORTAL12320") && name != Failpoint.variable {
            text += "env \(name)=\(value)\n"
        }
        for tool in ["vipsthumbnail", "vipsheader", "pdftotext", "pdfinfo"] {
            let found = (environment["PATH"] ?? "").split(separator: ":").lazy.map { "\($0)/\(tool)" }
                .first { FileStamp(path: $0) != nil }
            text += "tool \(tool) \(found.flatMap { FileStamp(path: RealPath.of($0))?.fields } ?? "-")\n"
        }
        // Through links: an answers folder, a template or a synonym list may be a link, which the loaders follow.
        let (stamps, complete) = FolderSignature(folders: [content, templates]).signatureThroughLinks()
        // Links that lead to more files than a province has: never "unchanged".
        if !complete { text += "incomplete \(UUID().uuidString)\n" }
        let answers = content + "/answers/"
        let ledger = content + "/reviews.jsonl"
        let shared = stamps.filter { !$0.key.hasPrefix(answers) && $0.key != ledger }
        let approved = content + "/approved/"
        let pages = shared.filter { !$0.key.hasPrefix(approved) }
        // The theme's files are known by their paths' text: where the content's could read alike (a theme folder
        // that holds the content folder, or content named through it, `T/../C`), none is left out.
        let themeNamesContent = RealPath.isInside(content, templates) || PathText.isInside(content, templates)
        let search = themeNamesContent ? pages : pages.filter { !PathText.isInside($0.key, templates) }
        let themed = header + "templates \(RealPath.of(templates))\n" + text
        let build = themed + "output \(RealPath.of(output))\ncities \(cities.sorted().joined(separator: ","))\n"
        return (fingerprint(build, of: stamps, relativeTo: nil, statusChange: true), fingerprint(themed, of: shared, relativeTo: nil, statusChange: true),
                fingerprint("pages\n" + themed, of: pages, relativeTo: nil, statusChange: true),
                fingerprint("search\n" + header + text, of: search, relativeTo: nil, statusChange: true), stamps)
    }

    /// The output folder's fingerprint: every file and folder in it (without
    /// status-change times: removing the previous output's hard links to the
    /// same files, in the background, moves them), each top-level folder by
    /// its ``contents(of:)``.
    /// - Parameter known: the ``contents(of:)`` of top-level folders, by name,
    ///   as the build that just wrote them found them (not walked again).
    package static func outputs(of output: String, known: [String: String] = [:]) -> String {
        var text = "output 2\n"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).sorted() {
            guard let stamp = FileStamp(path: "\(output)/\(name)") else { continue }
            text += "\(name)\t\(stamp.fieldsButStatusChange)"
            if stamp.isFolder { text += "\t\(known[name] ?? contents(of: "\(output)/\(name)"))" }
            text += "\n"
        }
        return SHA256.hex(Array(text.utf8))
    }

    /// The first line of every ``contents(of:)``.
    static let contentsHeader = "output\n"

    /// A folder's fingerprint: the stamp of every file and folder in it, but their status-change times.
    package static func contents(of folder: String) -> String {
        FolderFingerprint.of(folder, header: contentsHeader, statusChange: false)
    }

    /// `.build-cache/<output folder's name>.stamp.json` beside the output folder.
    package static func file(for output: String) -> String {
        cacheFile(for: output, suffix: "stamp.json")
    }

    /// `.build-cache/<output folder's name>.<suffix>` beside the output folder: where every
    /// record a build keeps of its output lives (stamp, sites, memory, lock).
    package static func cacheFile(for output: String, suffix: String) -> String {
        CacheFolder.file(for: output, suffix: suffix)
    }

    /// `.build-cache/` beside the output folder.
    package static func cacheDirectory(for output: String) -> String {
        CacheFolder.directory(beside: output)
    }

    /// SHA-256 of `header` and a line for each stamp, by path: the path (less `root` and its slash)
    /// and the stamp's ``FileStamp/fields`` (or, without `statusChange`, ``FileStamp/fieldsButStatusChange``).
    package static func fingerprint(_ header: String, of stamps: [String: FileStamp], relativeTo root: String?,
                                    statusChange: Bool) -> String {
        FolderFingerprint.fingerprint(header, of: stamps, relativeTo: root, statusChange: statusChange)
    }

    /// The record the last build into `output` left, if it can be read and
    /// is sealed with the user's key (``CacheSeal``): whoever can write the
    /// project folder but not the user's home cannot write one that makes a
    /// build keep what they changed in the output.
    package static func read(for output: String, seal: CacheSeal? = CacheSeal.user()) -> BuildStamp? {
        seal?.json(BuildStamp.self, at: file(for: output))
    }

    /// Writes the record, sealed, through a temporary file renamed over it: never half a record.
    /// Without the user's key nothing is written (the next build then does all its work).
    package func write(for output: String, seal: CacheSeal? = CacheSeal.user()) throws {
        try seal?.writeJSON(self, to: Self.file(for: output))
    }

    /// Removes the record: the next build into `output` does all its work.
    package static func remove(for output: String) {
        try? FileManager.default.removeItem(atPath: file(for: output))
    }
}
