import Content
import Crypto
import Foundation
import Moderation

/// What moderation found in a set of files.
package struct ModerationReport: Sendable, Encodable {
    package struct Document: Sendable, Encodable {
        package let path: String
        package let findings: [Finding]
        /// The file's text, to show findings in context; not part of the JSON (empty for a file the memory knew
        /// when texts were not kept: ``scan(files:with:contacts:answers:memory:keepingTexts:)``).
        package let text: String

        enum CodingKeys: String, CodingKey { case path, findings }

        /// `{"findings":[…],"path":…}`, as ``ModerationReport/json()`` writes it.
        func appendJSON(to json: inout [UInt8]) {
            json += Array("{\"findings\":[".utf8)
            for (index, finding) in findings.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json += Array("{\"column\":".utf8)
                JSONText.appendNumber(finding.column, to: &json)
                if let label = finding.label {
                    json += Array(",\"label\":".utf8)
                    JSONText.appendString(label, to: &json)
                }
                json += Array(",\"line\":".utf8)
                JSONText.appendNumber(finding.line, to: &json)
                json += Array(",\"matched\":".utf8)
                JSONText.appendString(finding.matched, to: &json)
                json += Array(",\"rule\":".utf8)
                JSONText.appendString(finding.rule.rawValue, to: &json)
                json += Array(",\"severity\":".utf8)
                JSONText.appendString(finding.severity.rawValue, to: &json)
                if let term = finding.term {
                    json += Array(",\"term\":".utf8)
                    JSONText.appendString(term, to: &json)
                }
                json.append(UInt8(ascii: "}"))
            }
            json += Array("],\"path\":".utf8)
            JSONText.appendString(path, to: &json)
            json.append(UInt8(ascii: "}"))
        }
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
    /// - Parameters:
    ///   - contacts: the contact directory; a file in `answers/<scope>/` may show its scope's contacts (``FileScopes``).
    ///   - answers: the content's answers folder, whose folders give files their scopes; without it none has one.
    ///   - memory: what earlier runs found, under the same moderator and contacts (``FindingsMemory/basis(lexicon:contacts:)``):
    ///     a file whose bytes it knows under its path is not scanned again; given what this run found.
    ///   - keepingTexts: whether each ``Document/text`` is kept (to show findings in context); without, a file the memory knows is not decoded.
    package static func scan(files: [String], with moderator: Moderator, contacts: ContactDirectory = .empty, answers: String? = nil,
                             memory: inout FindingsMemory, keepingTexts: Bool = true) throws(ContentErrors) -> ModerationReport {
        // Read on all cores (one after another they were a tenth of a province's scan), every file before any is scanned:
        // a file that cannot be read stops the scan with all such files named.
        let known = memory
        let scopes = FileScopes(files: files, answers: answers)
        let read = files.concurrentMap { file -> Result<Read, ContentIssue> in
            do throws(ContentIssue) {
                let bytes = try TextFile.data(file)
                let scoped = scopes.scope(of: file)
                // The bytes scanned are the bytes hashed: an edit racing the scan is never filed under the old ones.
                let sha256 = known.keeps ? SHA256.hex(bytes) : nil
                let findings = sha256.flatMap { known.findings(of: file, scope: scoped.name, sha256: $0) }
                // Bytes the memory knows were UTF-8 when scanned: their text is made only to be shown.
                let text = findings != nil && !keepingTexts ? "" : try TextFile.decode(bytes, file: file)
                return .success(Read(file: file, scoped: scoped, text: text, sha256: sha256, findings: findings))
            } catch {
                return .failure(error)
            }
        }
        var issues: [ContentIssue] = []
        var texts: [Read] = []
        for result in read {
            switch result {
            case .success(let text): texts.append(text)
            case .failure(let issue): issues.append(issue)
            }
        }
        try ContentErrors.check(issues)
        let documents = texts.concurrentMap { read in
            Document(path: read.file,
                     findings: read.findings ?? moderator.scan(read.text, asRead: ReaderView.texts(ofFile: read.file, text: read.text),
                                                               contacts: contacts.contacts(for: read.scoped.scope)),
                     text: read.text)
        }
        for (document, read) in zip(documents, texts) {
            if let sha256 = read.sha256 { memory.keep(document.findings, of: document.path, scope: read.scoped.name, sha256: sha256) }
        }
        let all = documents.flatMap(\.findings)
        return ModerationReport(
            documents: documents,
            summary: Summary(documents: documents.count, findings: all.count,
                             block: all.count { $0.severity == .block }, review: all.count { $0.severity == .review },
                             info: all.count { $0.severity == .info }))
    }

    /// One file as read: its text (empty when not kept and not to be scanned), the SHA-256 of its bytes, what the memory knew of them.
    private struct Read: Sendable {
        let file: String
        let scoped: FileScopes.Scoped
        let text: String
        let sha256: String?
        let findings: [Finding]?
    }

    /// ``scan(files:with:contacts:answers:memory:keepingTexts:)`` with no memory: every file is scanned.
    package static func scan(files: [String], with moderator: Moderator, contacts: ContactDirectory = .empty,
                             answers: String? = nil) throws(ContentErrors) -> ModerationReport {
        var none = FindingsMemory.none
        return try scan(files: files, with: moderator, contacts: contacts, answers: answers, memory: &none)
    }


    /// `{"documents":[{"findings":[…],"path":…}],"summary":{…}}`, keys sorted: what
    /// `JSONEncoder` makes of this report with `.sortedKeys, .withoutEscapingSlashes`.
    package func json() -> String {
        var bytes: [UInt8] = []
        writeJSON { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``json()`` handed to `write` a few hundred documents at a time, each batch
    /// encoded on all cores: a province's findings are never one string in memory.
    package func writeJSON(_ write: ([UInt8]) -> Void) {
        write(Array("{\"documents\":[".utf8))
        var start = 0
        while start < documents.count {
            let batch = Array(documents[start..<min(start + 512, documents.count)])
            let encoded = batch.concurrentMap { document in
                var json: [UInt8] = []
                document.appendJSON(to: &json)
                return json
            }
            var chunk: [UInt8] = []
            for (index, json) in encoded.enumerated() {
                if start + index > 0 { chunk.append(UInt8(ascii: ",")) }
                chunk += json
            }
            write(chunk)
            start += batch.count
        }
        var tail = Array("],\"summary\":{".utf8)
        for (index, (key, value)) in [("block", summary.block), ("documents", summary.documents), ("findings", summary.findings),
                                      ("info", summary.info), ("review", summary.review)].enumerated() {
            if index > 0 { tail.append(UInt8(ascii: ",")) }
            JSONText.appendString(key, to: &tail)
            tail.append(UInt8(ascii: ":"))
            JSONText.appendNumber(value, to: &tail)
        }
        write(tail + Array("}}".utf8))
    }
}
