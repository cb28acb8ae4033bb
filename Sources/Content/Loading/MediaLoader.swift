import Crypto
import Foundation
import Markdown

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

    static func transcripts(for answers: [Answer], directory: String, issues: inout [ContentIssue]) -> [Transcript] {
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
        if use.name.contains("/") || use.name.hasPrefix(".") || use.name.contains("\\") {
            refusal = ("`\(use.name)` is not a file name of the media folder.", "Write the file's name only, e.g. map.png.")
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
        guard let media = FileManager.default.contents(atPath: mediaPath) else {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: "The media file `\(name)` is not in \(directory).",
                                       fix: "Put the file there or remove it from \(use.field)."))
            return nil
        }
        if let problem = contentProblem(Array(media), kind: kind, name: name) {
            issues.append(ContentIssue(file: answer.file, line: use.line, message: problem.message, fix: problem.fix))
            return nil
        }
        var fileText: String?
        if kind == .document {
            // What the PDF's readers see is moderated too, not only its summary.
            do throws(ContentIssue) {
                fileText = try pdfText(mediaPath, name: name)
            } catch {
                issues.append(ContentIssue(file: answer.file, line: use.line, message: error.message, fix: error.fix))
                return nil
            }
        }
        if let data = try? TextFile.data(textPath), let text = try? TextFile.decode(data, file: textPath),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Transcript(name: name, kind: kind, text: text, file: textPath,
                              fileHash: SHA256.hex(Data((SHA256.hex(media) + SHA256.hex(data)).utf8)), fileText: fileText)
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

    static let pdfTool = ExternalTool(name: "pdftotext", package: "poppler-utils")

    /// The text of every page of the PDF at `path`, as `pdftotext` reads it.
    private static func pdfText(_ path: String, name: String) throws(ContentIssue) -> String {
        let outcome = try pdfTool.run(["-enc", "UTF-8", "-nopgbrk", "-q", path, "-"], about: path)
        guard outcome.status == 0 else {
            throw ContentIssue(file: path, line: nil, message: "`\(name)` cannot be read as a PDF, so what it says cannot be checked.",
                               fix: "Save it again as PDF, without a password.")
        }
        return String(decoding: outcome.output, as: UTF8.self)
    }

    /// Why the bytes are not the kind of file the name says, if they are not.
    private static func contentProblem(_ bytes: [UInt8], kind: MediaKind, name: String) -> (message: String, fix: String)? {
        switch kind {
        case .image:
            guard let size = ImageSize(bytes, ending: MediaKind.ending(of: name)) else {
                return ("`\(name)` is not the image its name says.", "Save it again as PNG, JPEG or WebP, with the matching ending.")
            }
            guard size.width * size.height <= ImageSize.maximumPixels else {
                return ("`\(name)` is \(size.width)×\(size.height) pixels, too large to publish.",
                        "Export it smaller, e.g. 4,000 pixels wide; the page shows it at most 1,200 pixels wide.")
            }
            return nil
        case .document:
            guard bytes.starts(with: Array("%PDF-".utf8)) else { return ("`\(name)` is not a PDF file.", "Save it again as PDF.") }
            return nil
        case .audio, .video:
            return nil
        }
    }
}
