import Content
import Crypto
import Diagnostics
import Foundation
import HTTPTypes
import Markdown
import Moderation
import Review
import Synchronization

extension NewsroomDesk {
    /// The most an answer file may hold.
    static let maximumAnswerBytes = 512 * 1024

    /// Saves an editor's text of `scope/id` if the file is still the revision
    /// they edited (`ifMatch`, its SHA-256, or `new`) and the province still
    /// loads with it; otherwise nothing changes.
    func save(scope scopeText: String, id: String, markdown: String, ifMatch: String?, account: ConsoleAccount) throws -> ConsoleJSON.Saved {
        let reference = "\(scopeText)/\(id)"
        guard let ifMatch else {
            throw ConsoleFailure(status: .preconditionRequired, message: "Send If-Match with the sha256 of the revision you edited, or `new`.")
        }
        guard Data(markdown.utf8).count <= Self.maximumAnswerBytes else {
            throw ConsoleFailure(status: .contentTooLarge, message: "The answer is too long (more than 512 KB).")
        }
        try writing.withLock { _ in
            let snapshot = try current()
            let scope = try scope(scopeText, in: snapshot.content)
            guard account.role.edits, Self.covers(account, scope) else {
                throw ConsoleFailure.forbidden("Only editors of `\(scopeText)` may change its answers.")
            }
            guard Identifier.isValid(id) else {
                throw ConsoleFailure(status: .unprocessableContent, message: "The id `\(id)` cannot be used in a page address. \(Identifier.rule)")
            }
            let existing = snapshot.content.answers.first { $0.reference == reference }
            let file = existing?.file ?? "\(contentDirectory)/answers/\(scopeText)/\(id).md"
            let before = FileManager.default.contents(atPath: file)
            if ifMatch == "new" {
                guard existing == nil, before == nil else {
                    throw ConsoleFailure(status: .conflict, message: "`\(reference)` already exists. Open it to edit it, or choose another id.")
                }
            } else if before.map(SHA256.hex) != ifMatch.lowercased() {
                throw ConsoleFailure(status: .conflict, message: "`\(reference)` was changed by someone else since you opened it. Reload it and edit again.")
            }
            let data = Data(markdown.utf8)
            switch AnswerLoader.read(data, file: file, scope: scope, province: snapshot.content.province) {
            case .failure(let errors):
                throw ConsoleFailure(status: .unprocessableContent, message: "The answer cannot be saved as it is.", issues: errors.issues)
            case .success(let answer) where answer.id != id:
                throw ConsoleFailure(status: .unprocessableContent, message: "The id in the text is `\(answer.id)`; it must stay `\(id)`.",
                                     issues: [ContentIssue(file: file, line: answer.keyLines["id"], message: "`id: \(answer.id)` must be `id: \(id)`.",
                                                           fix: "Keep the id: it is the page's address.")])
            case .success:
                break
            }
            try write(data, to: file)
            invalidate()
            // The whole province must still load (ids, overrides, links): otherwise the previous text goes back.
            do {
                _ = try current()
            } catch let failure as ConsoleFailure {
                if let before { try write(before, to: file) } else { try? FileManager.default.removeItem(atPath: file) }
                invalidate()
                throw ConsoleFailure(status: .unprocessableContent, message: "The answer cannot be saved as it is.", issues: failure.issues)
            }
        }
        let snapshot = try current()
        let review = try standing(reference, for: account, in: snapshot)
        return ConsoleJSON.Saved(sha256: review.sha256, status: Self.status(review.status), findings: Self.json(review.findings))
    }

    /// What the page would show and what moderation finds in `markdown`, nothing saved.
    func preview(scope scopeText: String, markdown: String, account: ConsoleAccount) throws -> ConsoleJSON.Preview {
        let snapshot = try current()
        let scope = try scope(scopeText, in: snapshot.content)
        guard Self.covers(account, scope) else { throw ConsoleFailure.forbidden("`\(scopeText)` is not in your scopes.") }
        let file = "answers/\(scopeText)/preview.md"
        switch AnswerLoader.read(Data(markdown.utf8), file: file, scope: scope, province: snapshot.content.province) {
        case .success(let answer):
            let findings = snapshot.board.moderator.scan(answer, contacts: snapshot.content.contacts)
            return ConsoleJSON.Preview(preview_html: Self.preview(of: answer), findings: Self.json(findings), issues: [])
        case .failure(let errors):
            // The text is scanned as written even while its front matter is wrong.
            let findings = snapshot.board.moderator.scan(markdown, asRead: ReaderView.texts(ofFile: file, text: markdown),
                                                         contacts: snapshot.content.contacts.contacts(for: scope))
            return ConsoleJSON.Preview(preview_html: MarkdownDocument(source: markdown).html, findings: Self.json(findings),
                                       issues: Self.json(errors.issues))
        }
    }

    static func json(_ issues: [ContentIssue]) -> [ConsoleJSON.Issue] {
        issues.map { ConsoleJSON.Issue(file: $0.file, line: $0.line, message: MessageCatalog.text("\($0.message) \($0.fix)", in: .chinese)) }
    }

    /// Writes `data` to `file` whole or not at all: a temporary file beside it, flushed, then renamed over it.
    private func write(_ data: Data, to file: String) throws {
        let folder = PathText.parent(of: file)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(folder)/.\((file as NSString).lastPathComponent).console-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw ConsoleFailure(status: .internalServerError, message: "The answer could not be written to \(folder).")
        }
        if rename(temporary, file) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ConsoleFailure(status: .internalServerError, message: "The answer could not be written to \(folder).")
        }
    }
}
