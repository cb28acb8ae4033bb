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
        /// Published contacts of the directory (severity `info`).
        package let info: Int
    }

    package let documents: [Document]
    package let summary: Summary

    /// Whether anything may never be published.
    package var hasBlockingFindings: Bool { summary.block > 0 }

    /// Scans `files` (answers with or without front matter, transcripts) as
    /// written and as readers see them (``ReaderView``); lines and columns
    /// count in the whole file as written, front matter included.
    /// - Throws: ``ContentIssue`` for a file that cannot be read or is not UTF-8.
    /// - Parameter contacts: the contact directory; a file under `answers/<scope>/` may show its scope's contacts.
    package static func scan(files: [String], with moderator: Moderator,
                             contacts: ContactDirectory = .empty) throws(ContentErrors) -> ModerationReport {
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
            Document(path: file, findings: moderator.scan(text, asRead: ReaderView.texts(ofFile: file, text: text),
                                                          contacts: contacts.contacts(for: scope(ofFile: file))),
                     text: text)
        }
        let all = documents.flatMap(\.findings)
        return ModerationReport(
            documents: documents,
            summary: Summary(documents: documents.count, findings: all.count,
                             block: all.count { $0.severity == .block }, review: all.count { $0.severity == .review },
                             info: all.count { $0.severity == .info }))
    }

    /// The scope a file's folder gives it: `answers/province/…`, `answers/<abbr>/…`; anything else only the province's.
    private static func scope(ofFile file: String) -> Scope {
        let parts = file.split(separator: "/").map(String.init)
        guard let answers = parts.lastIndex(of: "answers"), answers + 2 < parts.count else { return .media }
        return parts[answers + 1] == "province" ? .province : .city(parts[answers + 1])
    }

    /// `{"documents":[{"path":…,"findings":[…]}],"summary":{…}}`, keys sorted.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
