import Markdown
import Moderation
import Yams

/// What readers see of a content file, for moderation to read besides the
/// file as written: every front-matter value as YAML decodes it, and the body
/// as cmark renders it (see ``MarkdownDocument/readerLines``), each line
/// located in the file. Markup, character references and YAML escapes that
/// hide a term from a scan of the source do not hide it from this one.
package enum ReaderView {
    /// What readers see of the file `path` holding `text`: a transcript (`.txt`)
    /// as written; an answer's front matter decoded when it parses (a file
    /// whose YAML does not parse is never published) and its body rendered.
    package static func texts(ofFile path: String, text: String) -> [DerivedText] {
        // A transcript or description is plain text, which pages show in one paragraph or attribute.
        guard !path.hasSuffix(".txt") else { return shownInOneLine(text) }
        return answerTexts(text, file: path)
    }

    /// A plain text as a page shows it in a paragraph or an `alt` attribute: its lines, blank ones too,
    /// run together, every run of white space one space (`内部` ⏎⏎ `资料` reads `内部 资料` there); and
    /// once more without the readings after its characters and the marks read past between them, if it has any. Summaries: only what the text as written does
    /// not show is reported, at its first line.
    package static func shownInOneLine(_ text: String) -> [DerivedText] {
        let shown = DerivedText(text.split(whereSeparator: \.isWhitespace).joined(separator: " "), line: 1)
        return ([shown] + PhoneticReadings.withoutReadings([shown])).map { text in
            var summary = text
            summary.isSummary = true
            return summary
        }
    }

    /// What readers see of the answer file `file` holding `text`, whatever its name: as the loader derives
    /// it (``AnswerLoader``: the same split, the same YAML, the same reading), for an answer read back from
    /// a build's memory, which keeps only the source.
    package static func answerTexts(_ text: String, file: String) -> [DerivedText] {
        guard let split = try? FrontMatter(splitting: text, file: file) else { return read(body: text, firstLine: 1).texts }
        let node = try? YAMLSource.parse(split.yaml, file: file, lineOffset: 1)
        return read(frontMatter: node, body: split.body, firstLine: split.bodyLine).texts
    }

    /// The front matter's values and the rendered body, and the `answer:`
    /// links and `media/` files of the body with their lines in the file.
    package static func read(frontMatter: Node? = nil, body: String, firstLine: Int)
        -> (texts: [DerivedText], answerLinks: [Answer.Link], media: [MarkdownDocument.MediaReference])
    {
        var text = DerivedText()
        // Every link is "unknown" here: this reading only collects them. The page's HTML is made by the build.
        let document = MarkdownDocument(source: body, resolveAnswerLink: { _ in .unknown }, renderingHTML: false)
        for line in document.readerLines {
            text.append(line.text, line: line.line + firstLine - 1)
        }
        // The excerpt that listings and the page description show, its blocks joined.
        var excerpt = DerivedText(document.excerpt, line: firstLine)
        excerpt.isSummary = true
        // And each piece a search result may show, alone: where a piece is cut, what stood beside it is gone.
        let pieces = document.searchPieces.map { piece in
            var text = DerivedText(piece, line: firstLine)
            text.isSummary = true
            return text
        }
        let links = document.unresolvedLinks.compactMap { link -> Answer.Link? in
            guard case .answer(let id) = LinkPolicy.classify(link.destination) else { return nil }
            return Answer.Link(id: id, line: link.line + firstLine - 1)
        }
        let media = document.mediaReferences.map { MarkdownDocument.MediaReference(name: $0.name, line: $0.line + firstLine - 1, isImage: $0.isImage) }
        let texts = (frontMatter.map { values(of: $0, lineOffset: 1) } ?? []) + [text, excerpt] + pieces
        return (texts + PhoneticReadings.withoutReadings(texts), links, media)
    }

    /// Every scalar value below `node` (keys are not shown), one text each.
    /// - Parameter lineOffset: lines of the file before the YAML text.
    static func values(of node: Node, lineOffset: Int) -> [DerivedText] {
        var seen: Set<String> = []
        return values(of: node, lineOffset: lineOffset, seen: &seen)
    }

    /// - Parameter seen: where the collections read so far stand. An alias
    ///   repeats its anchored value, mark and all: read once, where it is
    ///   defined, so that nested aliases (a "billion laughs") cost no more
    ///   than the text they are written in.
    private static func values(of node: Node, lineOffset: Int, seen: inout Set<String>) -> [DerivedText] {
        switch node {
        case .scalar(let scalar):
            return [DerivedText(scalar.string, line: (scalar.mark?.line ?? 1) + lineOffset)]
        case .mapping(let mapping):
            guard firstVisit(node, &seen) else { return [] }
            return mapping.flatMap { values(of: $0.value, lineOffset: lineOffset, seen: &seen) }
        case .sequence(let sequence):
            guard firstVisit(node, &seen) else { return [] }
            // Items of a list of texts stand side by side on the page (tags as chips): read them together.
            let items = Array(sequence)
            if !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) {
                let text = items.compactMap { $0.scalar?.string }.joined(separator: " ")
                return [DerivedText(text, line: (items[0].mark?.line ?? 1) + lineOffset)]
            }
            return items.flatMap { values(of: $0, lineOffset: lineOffset, seen: &seen) }
        case .alias:
            // The anchored value is read where it is defined.
            return []
        }
    }

    private static func firstVisit(_ node: Node, _ seen: inout Set<String>) -> Bool {
        guard let mark = node.mark else { return true }
        return seen.insert("\(mark.line):\(mark.column)").inserted
    }

}
