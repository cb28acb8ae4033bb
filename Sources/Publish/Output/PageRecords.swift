import Content
import Foundation
import Glibc

/// What each page and search file of the sites a build rendered was rendered
/// from, and into what: the fingerprint of its template and values (with the
/// theme's stamps, for a page) or of its site's index, and the SHA-256 and size
/// of its bytes. The next build into the same output that finds a file with
/// the same fingerprint, under the same other inputs (portal.yml, lexicon,
/// program: `BuildStamp`'s `search`), and the live file still holding those bytes, links
/// that file instead of rendering it again (``StagedOutput/keep(_:sha256:size:)``):
/// editing one answer re-renders the pages that show it, not its whole site, and
/// a theme change keeps every search file whose site's answers did not change.
///
/// Kept in `.build-cache/<output folder's name>.pages/`, one file per site,
/// sealed with the user's key (``CacheSeal``), written through a temporary
/// file once the build committed; safe to delete (every page is then rendered).
/// A record left by an earlier build stays true: a fingerprint names what its
/// bytes were made from, and the bytes are checked against the live file.
package struct PageRecords: Sendable {
    package struct Page: Sendable, Equatable {
        package let fingerprint: String
        package let sha256: String
        package let size: Int

        package init(fingerprint: String, sha256: String, size: Int) {
            self.fingerprint = fingerprint
            self.sha256 = sha256
            self.size = size
        }
    }

    private static let header = "portal12320 page records 1"

    /// By path below the output folder (`<domain>/answers/…/index.html`).
    package var pages: [String: Page] = [:]

    package init() {}

    /// `.build-cache/<output folder's name>.pages` beside the output folder.
    package static func folder(for output: String) -> String {
        BuildStamp.cacheFile(for: output, suffix: "pages")
    }

    /// The records of the sites `domains` under `shared` inputs; a site's
    /// file not sealed with the user's key, damaged, or of other inputs counts as none.
    package static func read(for output: String, domains: [String], shared: String, seal: CacheSeal? = CacheSeal.user()) -> PageRecords {
        var records = PageRecords()
        guard let seal else { return records }
        let folder = folder(for: output)
        let sites = domains.concurrentMap { domain -> [(String, Page)] in
            guard isSiteName(domain), let sealed = RegularFile.bytes("\(folder)/\(domain)"), let end = seal.open(sealed) else { return [] }
            var archive = ArchiveReader(sealed, end: end)
            do {
                guard try archive.text() == header, try archive.text() == shared, try archive.text() == domain else { return [] }
                var pages: [(String, Page)] = []
                for _ in 0..<(try archive.count()) {
                    let path = try archive.text()
                    let page = Page(fingerprint: try archive.text(), sha256: try archive.text(), size: try archive.int())
                    guard path.hasPrefix(domain + "/") else { return [] }
                    pages.append((path, page))
                }
                return archive.isAtEnd ? pages : []
            } catch {
                return []
            }
        }
        for site in sites { for (path, page) in site { records.pages[path] = page } }
        return records
    }

    /// Makes the records' folder and removes what a killed build left in it: before a build stages any site's
    /// records (``stage(_:shared:pages:for:seal:)``), under the build lock. - Returns: whether records can be kept.
    @discardableResult
    package static func prepare(for output: String, seal: CacheSeal? = CacheSeal.user()) -> Bool {
        guard seal != nil else { return false }
        let folder = folder(for: output)
        try? FileManager.default.createDirectory(atPath: PathText.parent(of: folder), withIntermediateDirectories: true)
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST, FileStamp(path: folder)?.isFolder == true else { return false }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".tmp") {
            unlink("\(folder)/\(name)")
        }
        return true
    }

    /// Writes the records of the site `domain` (every page of it this build wrote, by path below the output
    /// folder), sealed, beside where they go: as each site is written, so that a build holds no page's record to
    /// its end. ``putInPlace(_:shared:for:seal:)`` puts them in place once the build committed; until then (and if
    /// the build fails) the site's previous records stay, and the next build's ``prepare(for:seal:)`` removes these.
    package static func stage(_ domain: String, shared: String, pages: [(String, Page)], for output: String,
                              seal: CacheSeal? = CacheSeal.user()) {
        let folder = folder(for: output)
        guard let seal, isSiteName(domain), FileStamp(path: folder)?.isFolder == true, let file = seal.file(at: staged(domain, in: folder))
        else { return }
        var archive = ArchiveWriter()
        archive.text(header)
        archive.text(shared)
        archive.text(domain)
        archive.int(pages.count)
        for (path, page) in pages.sorted(by: { $0.0 < $1.0 }) {
            archive.text(path)
            archive.text(page.fingerprint)
            archive.text(page.sha256)
            archive.int(page.size)
        }
        file.write(archive.bytes[...])
        _ = file.commit()
    }

    /// Puts in place the records staged for each site of `domains`; a site with none staged (no page, or its
    /// records could not be written) is recorded with no page.
    package static func putInPlace(_ domains: [String], shared: String, for output: String, seal: CacheSeal? = CacheSeal.user()) {
        let folder = folder(for: output)
        // Never through a link (or a file) put where the folder was: its files would be made wherever it leads.
        guard FileStamp(path: folder)?.isFolder == true else { return }
        for domain in domains where isSiteName(domain) {
            if rename(staged(domain, in: folder), "\(folder)/\(domain)") != 0 {
                stage(domain, shared: shared, pages: [], for: output, seal: seal)
                _ = rename(staged(domain, in: folder), "\(folder)/\(domain)")
            }
        }
    }

    /// Where ``stage(_:shared:pages:for:seal:)`` writes: a name ``prepare(for:seal:)`` removes.
    private static func staged(_ domain: String, in folder: String) -> String {
        "\(folder)/\(domain).staged-\(getpid()).tmp"
    }

    /// A domain as a file name: no separator, no `.`/`..`.
    private static func isSiteName(_ domain: String) -> Bool {
        !domain.isEmpty && domain != "." && domain != ".." && !domain.contains("/") && !domain.contains("\0")
    }
}
