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

    /// File endings of the images and documents an answer embeds from `media/`
    /// (`![地图](map.png)`, `[指南](guide.pdf)`); which of them publish is the content's decision.
    package static let mediaExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "gif", "svg", "pdf"]

    /// The name of the `media/` file a destination names (`map.png` or
    /// `media/map.png`, percent-decoded), or `nil` for any other destination.
    package static func mediaName(_ destination: String) -> String? {
        var name = TreeWalk.percentDecoded(destination)
        if name.hasPrefix("media/") { name.removeFirst("media/".count) }
        let fileExtension = name.split(separator: ".", omittingEmptySubsequences: false).last.map { $0.lowercased() } ?? ""
        guard name.contains("."), mediaExtensions.contains(fileExtension), !name.hasPrefix("."),
            !name.contains(where: { "/\\:?#".contains($0) })
        else { return nil }
        return name
    }

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
