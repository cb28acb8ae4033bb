import Content
import Crypto
import Foundation

/// Approved revisions of answers, kept in `Content/approved/<scope>/<id>/<sha256>.md`
/// (versioned with the content): written by `review approve`, read by the
/// build so that an approved page stays online while an edit waits for review.
package struct RevisionStore: Sendable {
    package let directory: String

    package init(contentDirectory: String) {
        directory = contentDirectory + "/approved"
    }

    func folder(of reference: String) -> String { "\(directory)/\(reference)" }

    /// Keeps `bytes`, the approved revision of `reference`, named by its SHA-256.
    /// - Throws: ``OutputError`` when it cannot be written.
    func save(_ bytes: Data, of reference: String) throws(OutputError) {
        let folder = folder(of: reference)
        let path = "\(folder)/\(SHA256.hex(bytes)).md"
        // Kept only as a plain file in a real folder: nothing written through a link, nothing taken on trust.
        if revisions(of: reference)[SHA256.hex(bytes)] != nil { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let base = URL(fileURLWithPath: directory).deletingLastPathComponent().resolvingSymlinksInPath().path
            guard URL(fileURLWithPath: folder).resolvingSymlinksInPath().path == "\(base)/approved/\(reference)" else {
                throw OutputError(path: folder, reason: "a folder on the way is a symbolic link; approved revisions are kept in real folders only")
            }
            try? FileManager.default.removeItem(atPath: path)
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: path, reason: "\(error)")
        }
    }

    /// The kept revisions of `reference` whose bytes still match their names, by SHA-256.
    func revisions(of reference: String) -> [String: (path: String, data: Data)] {
        let folder = folder(of: reference)
        var found: [String: (String, Data)] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
            let path = "\(folder)/\(name)"
            // A link could point anywhere: kept revisions are plain files only.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            let hash = SHA256.hex(data)
            if name == "\(hash).md" { found[hash] = (path, data) }
        }
        return found
    }
}
