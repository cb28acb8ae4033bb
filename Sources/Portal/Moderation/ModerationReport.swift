import Foundation
import Moderation

/// What moderation found in a set of files.
public struct ModerationReport: Sendable, Encodable {
    public struct Document: Sendable, Encodable {
        public let path: String
        public let findings: [Finding]
        /// The file's text, to show findings in context; not part of the JSON.
        let text: String

        enum CodingKeys: String, CodingKey { case path, findings }
    }

    public struct Summary: Sendable, Encodable {
        public let documents: Int
        public let findings: Int
        public let block: Int
        public let review: Int
    }

    public let documents: [Document]
    public let summary: Summary

    /// Whether anything may never be published.
    public var hasBlockingFindings: Bool { summary.block > 0 }

    /// Scans `files` (answers with or without front matter, transcripts) as
    /// written and as readers see them (``ReaderView``); lines and columns
    /// count in the whole file as written, front matter included.
    /// - Throws: ``ContentIssue`` for a file that cannot be read or is not UTF-8.
    public static func scan(files: [String], with moderator: Moderator) throws(ContentErrors) -> ModerationReport {
        var issues: [ContentIssue] = []
        var texts: [(String, String)] = []
        for file in files {
            do throws(ContentIssue) {
                texts.append((file, try TextFile.read(file)))
            } catch {
                issues.append(error)
            }
        }
        try ContentErrors.check(issues)
        let documents = texts.concurrentMap { file, text in
            Document(path: file, findings: moderator.scan(text, asRead: ReaderView.texts(ofFile: file, text: text)), text: text)
        }
        let all = documents.flatMap(\.findings)
        return ModerationReport(
            documents: documents,
            summary: Summary(documents: documents.count, findings: all.count,
                             block: all.count { $0.severity == .block }, review: all.count { $0.severity == .review }))
    }

    /// Every answer under `content/answers` and every media transcript under
    /// `content/media` (the build's gate moderates both), sorted.
    public static func answerFiles(in content: String) -> [String] {
        func files(_ folder: String, ending: String) -> [String] {
            let root = "\(content)/\(folder)"
            let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            return paths.filter { $0.hasSuffix(ending) && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted().map { "\(root)/\($0)" }
        }
        return files("answers", ending: ".md") + files("media", ending: ".txt")
    }

    /// `{"documents":[{"path":…,"findings":[…]}],"summary":{…}}`, keys sorted.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Compiler-style lines, each followed by the source line with the match underlined.
    public func text() -> String {
        var output = ""
        for document in documents {
            output += FindingsText.render(document.findings, in: document.text, path: document.path)
        }
        output += "\(summary.documents) files scanned: \(summary.block) blocking, \(summary.review) for review.\n"
        return output
    }
}

/// Findings shown where they stand: `path:line:column: severity rule: matched (term) [label]`,
/// then the source line with the match underlined.
public enum FindingsText {
    public static func render(_ findings: [Finding], in text: String, path: String) -> String {
        var output = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for finding in findings {
            output += "\(path):\(finding.line):\(finding.column): \(finding.severity) \(finding.rule.rawValue): "
            output += "\(finding.matched.replacingOccurrences(of: "\n", with: "⏎"))"
            output += finding.term.map { " (\($0))" } ?? ""
            output += finding.label.map { " [\($0)]" } ?? ""
            output += "\n"
            guard finding.line - 1 < lines.count else { continue }
            let firstLineOfMatch = finding.matched.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            // A long line is shown around the match only: the output stays small however long the line.
            let scalars = Array(lines[finding.line - 1].unicodeScalars)
            let matchStart = min(max(0, finding.column - 1), scalars.count)
            let from = scalars.count > 160 ? max(0, matchStart - 40) : 0
            let to = scalars.count > 160 ? min(scalars.count, matchStart + firstLineOfMatch.unicodeScalars.count + 40) : scalars.count
            let lead = from > 0 ? "…" : ""
            let shown = lead + String(String.UnicodeScalarView(scalars[from..<to])) + (to < scalars.count ? "…" : "")
            let before = lead.unicodeScalars + scalars[from..<matchStart]
            output += "    \(shown)\n"
            output += "    \(String(repeating: " ", count: DisplayWidth.of(before)))"
            output += "^" + String(repeating: "~", count: max(0, min(80, DisplayWidth.of(firstLineOfMatch.unicodeScalars)) - 1)) + "\n"
        }
        return output
    }
}

extension FindingsText {
    /// Terminal columns `scalars` take (see ``DisplayWidth``).
    public static func displayWidth(of scalars: some Sequence<Unicode.Scalar>) -> Int { DisplayWidth.of(scalars) }
}

/// Terminal columns a text takes: East Asian wide and full-width characters take two.
enum DisplayWidth {
    static func of(_ scalars: some Sequence<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                total + 2
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0xFEFF:
                total
            default:
                total + 1
            }
        }
    }
}
