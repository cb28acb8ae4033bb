/// Which link and image destinations may appear in published HTML.
///
/// An allow-list, so that a scheme nobody thought of is dropped rather than
/// published: relative URLs, fragments, `http`, `https`, `mailto` and `tel`
/// are kept; `answer:<id>` is resolved to that answer's page; everything
/// else (`javascript:`, `vbscript:`, `data:`, `file:` …) is emptied.
package enum LinkPolicy {
    /// What to do with one destination.
    package enum Decision: Equatable, Sendable {
        case keep
        case drop
        case answer(id: String)
    }

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Classifies a destination as written in Markdown.
    package static func classify(_ destination: String) -> Decision {
        // Browsers ignore ASCII whitespace and control characters inside a
        // scheme ("java\tscript:"), so compare without them.
        let compact = destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let text = String(String.UnicodeScalarView(compact))
        guard let colon = text.firstIndex(of: ":") else { return .keep }
        let beforeColon = text[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return .keep }
        let scheme = beforeColon.lowercased()
        if scheme == "answer" {
            let id = String(text[text.index(after: colon)...])
            return id.isEmpty ? .drop : .answer(id: id)
        }
        return allowedSchemes.contains(scheme) ? .keep : .drop
    }
}
