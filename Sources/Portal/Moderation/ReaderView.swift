import Markdown
import Moderation
import Yams

/// What readers see of a content file, for moderation to read besides the
/// file as written: every front-matter value as YAML decodes it, and the body
/// as cmark renders it (see ``MarkdownDocument/readerLines``), each line
/// located in the file. Markup, character references and YAML escapes that
/// hide a term from a scan of the source do not hide it from this one.
enum ReaderView {
    /// What readers see of `answer`; a media transcript is shown as written, so nothing more.
    static func texts(of answer: Answer) -> [DerivedText] {
        guard answer.scope != .media else { return [] }
        return answer.frontMatterValues + [body(answer.body, firstLine: answer.bodyLine)]
    }

    /// What readers see of the file `path` holding `text`: a transcript (`.txt`)
    /// as written; an answer's front matter decoded when it parses (a file
    /// whose YAML does not parse is never published) and its body rendered.
    static func texts(ofFile path: String, text: String) -> [DerivedText] {
        guard !path.hasSuffix(".txt") else { return [] }
        guard let split = try? FrontMatter(splitting: text, file: path) else { return [body(text, firstLine: 1)] }
        let node = try? YAMLSource.parse(split.yaml, file: path, lineOffset: 1)
        return (node.map { values(of: $0, lineOffset: 1) } ?? []) + [body(split.body, firstLine: split.bodyLine)]
    }

    /// Every scalar value below `node` (keys are not shown), one text each.
    /// - Parameter lineOffset: lines of the file before the YAML text.
    static func values(of node: Node, lineOffset: Int) -> [DerivedText] {
        switch node {
        case .scalar(let scalar):
            return [DerivedText(scalar.string, line: (scalar.mark?.line ?? 1) + lineOffset)]
        case .mapping(let mapping):
            return mapping.flatMap { values(of: $0.value, lineOffset: lineOffset) }
        case .sequence(let sequence):
            return sequence.flatMap { values(of: $0, lineOffset: lineOffset) }
        case .alias:
            // The anchored value is read where it is defined.
            return []
        }
    }

    private static func body(_ markdown: String, firstLine: Int) -> DerivedText {
        var text = DerivedText()
        for line in MarkdownDocument(source: markdown).readerLines {
            text.append(line.text, line: line.line + firstLine - 1)
        }
        return text
    }
}
