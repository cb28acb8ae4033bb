import Crypto
import Foundation
import Yams

/// Reads one answer file and checks what can be checked without the others.
package enum AnswerLoader {
    static let keys = ["id", "title", "category", "updated", "visibility", "tags", "overrides", "media"]

    /// - Parameter frontMatterOnly: checks the front matter but reads nothing of the text
    ///   (no reader texts, links or media): for answers only checked, never built (another city's in a `--city` build).
    static func load(file: String, scope: Scope, province: Province, frontMatterOnly: Bool = false) -> Result<Answer, ContentErrors> {
        do {
            return read(try TextFile.data(file), file: file, scope: scope, province: province, frontMatterOnly: frontMatterOnly)
        } catch {
            return .failure(ContentErrors([error]))
        }
    }

    /// Reads the bytes of an answer file (the fuzzing entry point of the front-matter reader).
    package static func read(_ data: Data, file: String, scope: Scope, province: Province,
                             frontMatterOnly: Bool = false) -> Result<Answer, ContentErrors> {
        let split: FrontMatter
        let node: Node
        let source: String
        let fileHash = SHA256.hex(data)
        do {
            source = try TextFile.decode(data, file: file)
            split = try FrontMatter(splitting: source, file: file)
            node = try YAMLSource.parse(split.yaml, file: file, lineOffset: 1)
        } catch {
            return .failure(ContentErrors([error]))
        }
        var fields = YAMLFields(node, file: file, lineOffset: 1, allowed: keys, what: "the front matter")
        let id = fields.text("id", fix: "Add `id:` with a short name for the page URL, e.g. `flu-vaccine`.")
        let title = fields.text("title", fix: "Add `title:` with the question as visitors would ask it.")
        let categoryText = fields.text("category", fix: "Add `category:` with one of: \(province.categories.map(\.key).joined(separator: ", ")).")
        // The label the site shows (`就医服务`) names the category as well as its key.
        let categoryKey = categoryText.map { text in province.categories.first { $0.name == text }?.key ?? text }
        let updatedText = fields.text("updated", fix: "Add `updated:` with the date of the last change, e.g. 2024-05-01.")
        let visibilityText = fields.optionalText("visibility") ?? Answer.Visibility.public.rawValue
        let overrides = fields.optionalText("overrides")
        let tags = fields.textList("tags")
        let media = fields.textList("media")

        if let id, !Identifier.isValid(id) {
            fields.report(at: fields.line(of: "id"), "The id `\(id)` cannot be used in a page address.", Identifier.rule)
        }
        if let categoryKey, province.category(categoryKey) == nil {
            fields.report(at: fields.line(of: "category"), "The category `\(categoryKey)` is not in the province taxonomy.",
                          "Use one of: \(province.categories.map(\.key).joined(separator: ", ")), or add it to portal.yml (article 19).")
        }
        let updated = updatedText.flatMap(Day.init)
        if let updatedText, updated == nil {
            fields.report(at: fields.line(of: "updated"), "`\(updatedText)` is not a date.", "Write it as YYYY-MM-DD, e.g. 2024-05-01.")
        }
        let visibility = Answer.Visibility(rawValue: visibilityText)
        if visibility == nil {
            fields.report(at: fields.line(of: "visibility"), "Unknown visibility `\(visibilityText)`.",
                          "Use `public` (published after review) or `private` (a reply to one caller, never published).")
        }
        if overrides != nil, scope == .province {
            fields.report(at: fields.line(of: "overrides"), "A provincial answer cannot override another answer.",
                          "Remove `overrides:`; only city answers replace provincial ones.")
        }
        guard fields.issues.isEmpty, let id, let title, let categoryKey, let updated, let visibility else {
            return .failure(ContentErrors(fields.issues))
        }
        let reading = frontMatterOnly ? nil : ReaderView.read(frontMatter: node, body: split.body, firstLine: split.bodyLine)
        return .success(Answer(scope: scope, id: id, title: title, category: categoryKey, updated: updated,
                               visibility: visibility, tags: tags, overrides: overrides, media: media,
                               body: split.body, bodyLine: split.bodyLine, file: file, keyLines: fieldLines(fields),
                               source: source, readerTexts: reading?.texts ?? [], answerLinks: reading?.answerLinks ?? [],
                               mediaReferences: reading?.media ?? [], fileHash: fileHash))
    }

    private static func fieldLines(_ fields: YAMLFields) -> KeyLines {
        KeyLines(fields.line(of:))
    }
}
