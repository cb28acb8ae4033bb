import Foundation

/// A new answer file, valid as written: `portal12320 new SCOPE/ID` writes it
/// for an editor to fill in (and never overwrites an answer).
package struct AnswerDraft: Sendable {
    package let scope: Scope
    package let id: String
    package let title: String
    package let category: Category
    package let updated: Day

    /// Checks `reference` (`province/flu` or `<abbr>/flu`) and the category (key or label) against the province.
    /// - Throws: ``ContentIssue`` naming what is wrong and what to write instead.
    package init(reference: String, title: String?, category: String?, province: Province, today: Day) throws(ContentIssue) {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let abbreviations = province.cities.map(\.abbr)
        guard parts.count == 2, parts[0] == "province" || abbreviations.contains(parts[0]) else {
            throw ContentIssue(file: reference, line: nil, message: "`\(reference)` does not name a scope and an id.",
                               fix: "Write province/<id> or <city>/<id> with a city of portal.yml (\(abbreviations.joined(separator: ", "))), e.g. province/flu-vaccine.")
        }
        guard Identifier.isValid(parts[1]) else {
            throw ContentIssue(file: reference, line: nil, message: "The id `\(parts[1])` cannot be used in a page address.", fix: Identifier.rule)
        }
        let chosen = category.map { wanted in province.categories.first { $0.key == wanted || $0.name == wanted } } ?? province.categories.first
        guard let chosen else {
            throw ContentIssue(file: reference, line: nil, message: "There is no category `\(category ?? "")`.",
                               fix: "Use one of: \(province.categories.map { "\($0.key) (\($0.name))" }.joined(separator: ", ")).")
        }
        scope = parts[0] == "province" ? .province : .city(parts[0])
        id = parts[1]
        self.title = title ?? "（请在这里写下市民会问的问题）"
        self.category = chosen
        updated = today
    }

    /// `answers/<scope>/<id>.md` below the content folder.
    package var path: String { "answers/\(scope)/\(id).md" }

    /// The file's text.
    package var text: String {
        """
        ---
        id: \(id)
        title: "\(title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"
        category: \(category.key)   # \(category.name)
        updated: \(updated)
        ---
        （在这里写答复正文。空一行开始新的段落；步骤可以写成 1、2、3、，每步一行。）

        """
    }

    /// Writes the draft below `contentDirectory`, never over an existing file.
    /// - Returns: the path written.
    package func write(into contentDirectory: String) throws(ContentIssue) -> String {
        let file = "\(contentDirectory)/\(path)"
        guard !FileManager.default.fileExists(atPath: file) else {
            throw ContentIssue(file: file, line: nil, message: "This answer already exists.", fix: "Open it to edit it, or choose another id.")
        }
        do {
            try FileManager.default.createDirectory(atPath: PathText.parent(of: file), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            throw ContentIssue(file: file, line: nil, message: "The answer cannot be written (\(error.localizedDescription)).",
                               fix: "Check that the content folder exists and can be written.")
        }
        return file
    }
}
