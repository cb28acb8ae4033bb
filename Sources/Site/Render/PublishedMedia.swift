import Content
import Crypto
import Diagnostics
import Foundation
import Markdown

/// An image or PDF of `media/` as the sites publish it: the page's copy of
/// an image (see ``ImageResizer``) or the PDF as it is, under a name that
/// carries a hash of its bytes (`/media/map-1a2b3c4d5e.png`), so a new
/// version gets a new address; with its reviewed description.
struct PublishedMedia: Sendable {
    let name: String
    let kind: MediaKind
    let bytes: [UInt8]
    /// The published address, ASCII only.
    let url: String
    /// An image's size as published.
    let size: ImageSize?
    /// The reviewed alt text of an image or summary of a PDF.
    let description: String

    /// What the Markdown renderer points the link or image at.
    var target: MarkdownDocument.MediaTarget {
        MarkdownDocument.MediaTarget(url: url, size: size.map { ($0.width, $0.height) }, description: kind == .image ? description : nil)
    }

    /// The published copies of the images and PDFs `names`, each read and prepared once.
    /// - Parameter descriptions: the reviewed text of each name that may be published; others are skipped.
    /// - Parameter checked: the SHA-256 of each file's bytes as moderation and review saw them; other bytes are refused.
    static func prepare(_ names: Set<String>, kinds: [String: MediaKind], descriptions: [String: String], checked: [String: String],
                        directory: String) throws(ContentErrors) -> [String: PublishedMedia] {
        let wanted = names.sorted().compactMap { name -> (String, MediaKind, String, String)? in
            guard let kind = kinds[name], kind == .image || kind == .document, let description = descriptions[name],
                let hash = checked[name] else { return nil }
            return (name, kind, description, hash)
        }
        let results = wanted.concurrentMap { name, kind, description, hash -> Result<PublishedMedia, ContentIssue> in
            Result { () throws(ContentIssue) in
                try PublishedMedia(name: name, kind: kind, description: description, checked: hash, directory: directory)
            }
        }
        var published: [String: PublishedMedia] = [:]
        var issues: [ContentIssue] = []
        for result in results {
            switch result {
            case .success(let media): published[media.name] = media
            case .failure(let issue): issues.append(issue)
            }
        }
        try ContentErrors.check(issues)
        return published
    }

    private init(name: String, kind: MediaKind, description: String, checked: String, directory: String) throws(ContentIssue) {
        let path = "\(directory)/\(name)"
        let ending = MediaKind.ending(of: name)
        let source = try FileBytes.read(path, checked: checked)
        self.name = name
        self.kind = kind
        self.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if kind == .image {
            bytes = try ImageResizer.pageCopy(of: source, ending: ending, source: path)
            guard let size = ImageSize(bytes, ending: ending) else {
                throw ContentIssue(file: path, line: nil, message: "The image cannot be read.",
                                   fix: "Open it in an image editor and save it again as PNG, JPEG or WebP.")
            }
            self.size = size
        } else {
            bytes = source
            size = nil
        }
        let stem = String(name.dropLast(ending.count + 1).unicodeScalars.filter {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }.map(Character.init))
        url = "/media/\(stem.isEmpty ? "file" : stem)-\(SHA256.hex(bytes).prefix(10)).\(ending)"
    }
}
