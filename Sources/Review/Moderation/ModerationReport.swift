import Content
import Foundation
import Moderation

/// What moderation found in a set of files.
package struct ModerationReport: Sendable, Encodable {
    package struct Document: Sendable, Encodable {
        package let path: String
        package let findings: [Finding]
        /// The file's text, to show findings in context; not part of the JSON.
        package let text: String

        enum CodingKeys: String, CodingKey { case path, findings }
    }

    package struct Summary: Sendable, Encodable {
        package let documents: Int
        package let findings: Int
        package let block: Int
        package let review: Int
    }

    package let documents: [Document]
    package let summary: Summary

    /// Whether anything may never be published.
    package var hasBlockingFindings: Bool { summary.block > 0 }

    /// Scans `files` (answers with or without front matter, transcripts) as
    /// written and as readers see them (``ReaderView``); lines and columns
    /// count in the whole file as written, front matter included.
    /// - Throws: ``ContentIssue`` for a file that cannot be read or is not UTF-8.
    package static func scan(files: [String], with moderator: Moderator) throws(ContentErrors) -> ModerationReport {
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

    /// `{"documents":[{"path":…,"findings":[…]}],"summary":{…}}`, keys sorted.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
