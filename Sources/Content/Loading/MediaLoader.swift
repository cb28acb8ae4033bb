import Crypto
import Foundation
import Markdown
import Synchronization

/// The files under `media/` that answers present, each with its reviewed
/// text `<file>.txt`: audio and video (front matter `media:`, with a
/// transcript: article 37 wants online audio and video reviewed), images
/// (`![…](map.png)`, with the description that becomes their alt text) and
/// PDFs (`[…](guide.pdf)`, with a summary). The text is bound to the media
/// file's bytes too, so replacing the file sends it back to review.
package enum MediaLoader {
    /// One place an answer names a media file, and what may stand there.
    private struct Use {
        let name: String
        let line: Int?
        let allowed: Set<MediaKind>
        /// How the answer names it, for messages.
        let field: String
    }

    package static func transcripts(for answers: [Answer], directory: String, issues: inout [ContentIssue]) -> [Transcript] {
        var transcripts: [String: Transcript] = [:]
        for answer in answers {
            let uses = answer.media.map { Use(name: $0, line: answer.keyLines["media"], allowed: [.audio, .video], field: "`media:`") }
                + answer.mediaReferences.map {
                    Use(name: $0.name, line: $0.line, allowed: $0.isImage ? [.image] : [.image, .document], field: "the text")
                }
            for use in uses {
                guard let kind = kind(of: use, in: answer, issues: &issues) else { continue }
                guard transcripts[use.name] == nil else { continue }
                if let transcript = load(use, kind: kind, answer: answer, directory: directory, issues: &issues) {
                    transcripts[use.name] = transcript
                }
            }
        }
        return transcripts.keys.sorted().map { transcripts[$0]! }
    }

    /// The kind of file `use` names, if it may stand there.
    private static func kind(of use: Use, in answer: Answer, issues: inout [ContentIssue]) -> MediaKind? {
        let ending = MediaKind.ending(of: use.name)
        let refusal: (String, String)?
        if use.name.contains("/") || use.name.hasPrefix(".") || use.name.contains("\\")
            || use.name.unicodeScalars.contains(where: ControlCharacter.isForbiddenInText) || use.name.contains("[") || use.name.contains("]") {
            refusal = ("`\(use.name)` is not a file name of the media folder.", "Write the file's name only, e.g. map.png.")
        } else if !use.name.utf8.elementsEqual(use.name.precomposedStringWithCanonicalMapping.utf8) {
            // `café` written with a combining accent names another file than `café`, though the two compare equal.
            refusal = ("`\(use.name)` is written with combining accents (Unicode NFD).",
                       "Rename the file and the reference with precomposed characters (NFC), as most systems write them.")
        } else if ending == "svg" {
            refusal = ("`\(use.name)` is an SVG image, which can carry scripts and is not published.",
                       "Export it as PNG (or WebP) and use that file.")
        } else if ending == "gif" {
            refusal = ("`\(use.name)` is a GIF image, which is not published.", "Export it as PNG (or WebP) and use that file.")
        } else if let kind = MediaKind(fileName: use.name), use.allowed.contains(kind) {
            return kind
        } else if use.allowed == [.image] && ending == "pdf" {
            refusal = ("`\(use.name)` is a PDF, which cannot be shown as an image.", "Link to it instead: [title](\(use.name)).")
        } else {
            refusal = ("`\(use.name)` cannot be presented here.",
                       "Name a file of the media folder ending in \(MediaKind.endings(of: use.allowed)).")
        }
        if let (message, fix) = refusal {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: message, fix: fix))
        }
        return nil
    }

    /// The file `use` names and its reviewed text, when both are there and the file is what its name says.
    private static func load(_ use: Use, kind: MediaKind, answer: Answer, directory: String, issues: inout [ContentIssue]) -> Transcript? {
        let name = use.name
        let mediaPath = "\(directory)/\(name)"
        let textPath = mediaPath + ".txt"
        let outside = [(mediaPath, "media file"), (textPath, kind.descriptionName)].compactMap {
            FolderBoundary.issue(for: $0.0, inside: directory, what: $0.1)
        }
        guard outside.isEmpty else {
            issues += outside
            return nil
        }
        guard FileStamp(following: mediaPath) != nil else {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: "The media file `\(name)` is not in \(directory).",
                                       fix: "Put the file there or remove it from \(use.field)."))
            return nil
        }
        // There, but perhaps no file (a pipe, a folder) or not readable: said so, of that entry.
        let media: Data
        do throws(ContentIssue) {
            media = try TextFile.data(mediaPath)
        } catch {
            issues.append(error)
            return nil
        }
        if let problem = contentProblem(Array(media), kind: kind, name: name) {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: problem.message, fix: problem.fix))
            return nil
        }
        // Hashed once: a recording may be hundreds of megabytes.
        let mediaHash = SHA256.hex(media)
        var fileText: String?
        do throws(ContentIssue) {
            // Tools are asked once per file content, however often the content is loaded (the preview, the console).
            if let known = inspected.withLock({ $0[mediaHash] }) {
                fileText = try known.get()
            } else {
                // The tools run outside the lock; a tool that timed out or is missing is asked again next time.
                let result = Result { () throws(ContentIssue) in try inspect(mediaPath, kind: kind, name: name, bytes: Array(media)) }
                if case .failure(let issue) = result, issue.fix.contains("install-deps") || issue.message.contains("was stopped") {
                    // not remembered
                } else {
                    inspected.withLock { $0[mediaHash] = result }
                }
                fileText = try result.get()
            }
        } catch {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: error.message, fix: error.fix))
            return nil
        }
        // A text that is there but cannot be read (no file, not UTF-8) is said to be so, not taken for a missing one.
        if FileStamp(following: textPath) != nil {
            do throws(ContentIssue) {
                let data = try TextFile.data(textPath)
                let text = try TextFile.decode(data, file: textPath)
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    return Transcript(name: name, kind: kind, text: text, file: textPath,
                                      fileHash: SHA256.hex(Data((mediaHash + SHA256.hex(data)).utf8)), fileText: fileText,
                                      mediaHash: mediaHash)
                }
            } catch {
                issues.append(error)
                return nil
            }
        }
        let (message, fix) = switch kind {
        case .audio, .video:
            ("`\(name)` has no readable transcript `\(name).txt`.",
             "Write its transcript next to it: audio and video publish only with a reviewed transcript (article 37).")
        case .image:
            ("`\(name)` has no description `\(name).txt`.",
             "Write next to it what the image shows, in a sentence or two: it is read out to blind readers and reviewed.")
        case .document:
            ("`\(name)` has no summary `\(name).txt`.",
             "Write next to it what the PDF says, in a few sentences: it is shown with the link and reviewed.")
        }
        issues.append(ContentIssue(file: answer.file, line: use.line, message: message, fix: fix))
        return nil
    }

    /// What the tools found of each media file's bytes, by their SHA-256.
    private static let inspected = Mutex<[String: Result<String?, ContentIssue>]>([:])

    /// What the tools make of a media file: for an image, that the decoder sees the size its header
    /// declares; for a PDF, the text readers see (pages and document properties), once nothing hides in it.
    private static func inspect(_ path: String, kind: MediaKind, name: String, bytes: [UInt8]) throws(ContentIssue) -> String? {
        switch kind {
        case .image:
            try checkDecodedSize(path, name: name, declared: ImageSize(bytes, ending: MediaKind.ending(of: name)))
            return nil
        case .document:
            return try pdfText(path, name: name)
        case .audio, .video:
            return nil
        }
    }

    static let imageHeaderTool = ExternalTool(name: "vipsheader", package: "libvips-tools")

    /// The size libvips will decode must be the size the header check saw (a crafted JPEG can show two).
    private static func checkDecodedSize(_ path: String, name: String, declared: ImageSize?) throws(ContentIssue) {
        var sides: [Int] = []
        for field in ["width", "height"] {
            let outcome = try imageHeaderTool.run(["-f", field, path], about: path, timeout: 30)
            guard outcome.status == 0, let value = Int(String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            else {
                throw notTheNamedImage(name, path: path)
            }
            sides.append(value)
        }
        let decoded = ImageSize(width: sides[0], height: sides[1])
        if decoded.isTooLarge {
            let (message, fix) = tooLarge(name, decoded)
            throw ContentIssue(file: path, line: nil, message: message, fix: fix)
        }
        guard decoded == declared else {
            throw notTheNamedImage(name, path: path)
        }
    }

    static let pdfTool = ExternalTool(name: "pdftotext", package: "poppler-utils")
    static let pdfInfoTool = ExternalTool(name: "pdfinfo", package: "poppler-utils")
    static let pdfAttachmentTool = ExternalTool(name: "pdfdetach", package: "poppler-utils")

    /// The text of every page of the PDF at `path`, as `pdftotext` reads it, and its document properties
    /// and XMP metadata, which viewers show too. A PDF carrying script or files is refused.
    private static func pdfText(_ path: String, name: String) throws(ContentIssue) -> String {
        let unreadable = ContentIssue(file: path, line: nil, message: "`\(name)` cannot be read as a PDF, so what it says cannot be checked.",
                                      fix: "Save it again as PDF, without a password.")
        let info = try pdfInfoTool.run(["-enc", "UTF-8", path], about: path, timeout: 30)
        guard info.status == 0 else { throw unreadable }
        let properties = String(decoding: info.output, as: UTF8.self).split(separator: "\n").map(String.init)
        if properties.contains(where: { $0.hasPrefix("JavaScript:") && $0.hasSuffix("yes") }) {
            throw ContentIssue(file: path, line: nil, message: "`\(name)` contains JavaScript, which is not published.",
                               fix: "Print it to a new PDF (\"Microsoft Print to PDF\" or \"Save as PDF\") and use that file.")
        }
        let attachments = try pdfAttachmentTool.run(["-list", path], about: path, timeout: 30)
        guard attachments.status == 0 else { throw unreadable }
        if !String(decoding: attachments.output, as: UTF8.self).hasPrefix("0 embedded files") {
            throw ContentIssue(file: path, line: nil, message: "`\(name)` carries attached files, which are not published.",
                               fix: "Print it to a new PDF (\"Microsoft Print to PDF\" or \"Save as PDF\") and use that file.")
        }
        let outcome = try pdfTool.run(["-enc", "UTF-8", "-nopgbrk", "-q", path, "-"], about: path, timeout: 30)
        guard outcome.status == 0 else { throw unreadable }
        // Every document property, whole: a title may run over several lines, and viewers show it. The XMP
        // metadata too (a viewer may show its title instead), its text without the XML around it.
        let meta = try pdfInfoTool.run(["-meta", path], about: path, timeout: 30)
        guard meta.status == 0 else { throw unreadable }
        let xmpText = String(decoding: meta.output, as: UTF8.self).replacing(#/<[^>]*>/#, with: "\n")
        return (properties + [xmpText, String(decoding: outcome.output, as: UTF8.self)]).joined(separator: "\n")
    }

    private static func notTheNamedImage(_ name: String, path: String) -> ContentIssue {
        ContentIssue(file: path, line: nil, message: "`\(name)` is not the image its name says.",
                     fix: "Save it again as PNG, JPEG or WebP, with the matching ending.")
    }

    private static func tooLarge(_ name: String, _ size: ImageSize) -> (message: String, fix: String) {
        ("`\(name)` is \(size.width)×\(size.height) pixels, too large to publish.",
         "Export it smaller, e.g. 4,000 pixels wide; the page shows it at most 1,200 pixels wide.")
    }

    /// Why the bytes are not the kind of file the name says, if they are not.
    private static func contentProblem(_ bytes: [UInt8], kind: MediaKind, name: String) -> (message: String, fix: String)? {
        switch kind {
        case .image:
            guard let size = ImageSize(bytes, ending: MediaKind.ending(of: name)) else {
                let issue = notTheNamedImage(name, path: "")
                return (issue.message, issue.fix)
            }
            guard !size.isTooLarge else { return tooLarge(name, size) }
            return nil
        case .document:
            guard bytes.starts(with: Array("%PDF-".utf8)) else { return ("`\(name)` is not a PDF file.", "Save it again as PDF.") }
            return nil
        case .audio, .video:
            return nil
        }
    }
}
