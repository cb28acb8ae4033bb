import Foundation

/// One `{{…}}` tag of a Mustache template, as ``TemplateKeyCheck`` reads it.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`: written escaped.
        case value
        /// `{{{name}}}`, `{{&name}}`: written as is.
        case unescapedValue
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{>name}}`.
        case partial
        /// `{{!…}}`.
        case comment
        /// What the check does not follow: `{{=<% %>=}}` (delimiters), `{{<parent}}` and `{{$block}}`
        /// (inheritance), `{{>*name}}` (a partial named by a value).
        case unsupported
    }

    let kind: Kind
    let name: String
    /// 1-based line of the tag's opening braces.
    let line: Int

    /// Every tag of `text`, in order; an unclosed tag ends the list (the
    /// template library reports it when loading).
    static func all(in text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].count { $0 == "\n" }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let start = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[start...].range(of: triple ? "}}}" : "}}") else { break }
            let inside = rest[start..<close.lowerBound]
            tags.append(tag(inside.trimmingWhitespace(), triple: triple, line: line))
            line += inside.count { $0 == "\n" }
            rest = rest[close.upperBound...]
        }
        return tags
    }

    private static func tag(_ text: Substring, triple: Bool, line: Int) -> TemplateTag {
        if triple { return TemplateTag(kind: .unescapedValue, name: String(text), line: line) }
        let kinds: [Character: Kind] = ["#": .section, "^": .invertedSection, "/": .close, ">": .partial, "!": .comment,
                                        "&": .unescapedValue, "=": .unsupported, "<": .unsupported, "$": .unsupported,
                                        // A pragma could set another content type, and with it other escaping than the renderer's.
                                        "%": .unsupported]
        guard let first = text.first, let kind = kinds[first] else {
            return TemplateTag(kind: .value, name: String(text), line: line)
        }
        let name = text.dropFirst().trimmingWhitespace()
        if kind == .partial, name.hasPrefix("*") { return TemplateTag(kind: .unsupported, name: String(text), line: line) }
        return TemplateTag(kind: kind, name: String(name), line: line)
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
