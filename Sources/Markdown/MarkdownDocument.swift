import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown text rendered once by libcmark, in safe mode.
///
/// Raw HTML is dropped by cmark's default options; link and image
/// destinations are further restricted by ``LinkPolicy`` so that
/// `javascript:`, `data:` and every other non-web scheme never reach the HTML.
package struct MarkdownDocument: Sendable {
    /// The HTML fragment of the body (empty when made with `renderingHTML: false`).
    package let html: String
    /// The text a reader sees, without markup, blocks separated by newlines.
    package let plainText: String
    /// The first sentences, for listings, the page description and the feed (see ``excerpt(lines:blockEnds:limit:)``).
    package let excerpt: String
    /// What search results may show of the text (see ``SearchSnippets``). Moderation reads each piece.
    package let searchPieces: [String]
    /// What a reader sees, line by line, each with the 1-based line of the
    /// Markdown text it starts on: the text of every block (character
    /// references decoded, raw HTML gone, emphasis and links joined as a
    /// browser joins them, image alt texts included, ordered lists' numbers
    /// before their items, U+2029 where a block ends), then every link and
    /// image destination (percent-decoded) and title on lines of their own.
    package let readerLines: [(text: String, line: Int)]
    /// `answer:` links that the resolver could not resolve, in source order.
    package let unresolvedLinks: [UnresolvedLink]
    /// The `media/` images and documents the text embeds or links to, in source order.
    package let mediaReferences: [MediaReference]

    /// Where an `answer:<id>` link goes.
    package enum LinkTarget: Sendable, Equatable {
        /// The answer's page.
        case url(String)
        /// The answer exists but is not published (held back): the link
        /// becomes its plain text, so nothing points at an unpublished page.
        case unpublished
        /// No such answer: an error for the author.
        case unknown
    }

    /// A link to another answer that names no answer known to the resolver.
    package struct UnresolvedLink: Sendable, Equatable {
        /// The destination as written, e.g. `answer:flu-vaccine`.
        package let destination: String
        /// 1-based line in the Markdown text.
        package let line: Int

        package init(destination: String, line: Int) {
            self.destination = destination
            self.line = line
        }
    }

    /// Parses and renders `source`.
    /// - Parameters:
    ///   - source: CommonMark text (no front matter).
    ///   - topHeadingLevel: the level the body's highest heading is moved to,
    ///     so the page title stays the only `h1` (2 by default).
    ///   - resolveAnswerLink: where the `answer:<id>` link with this id goes.
    ///   - resolveMedia: where the `media/` file of this name is published;
    ///     `nil` while it is not (the link or image then points nowhere).
    ///   - renderingHTML: false for what a reader sees without the page
    ///     (moderation's reading): ``html`` is then empty, and no time is spent on it.
    package init(
        source: String,
        topHeadingLevel: Int = 2,
        resolveAnswerLink: (String) -> LinkTarget = { _ in .unknown },
        resolveMedia: (String) -> MediaTarget? = { _ in nil },
        renderingHTML: Bool = true
    ) {
        var root = Self.parse(source)
        // Steps typed `1、` `2、` on lines of their own are a list (same lines, so findings keep their place).
        if let lists = ChineseLines.withListsMade(source, root: root) {
            cmark_node_free(root)
            root = Self.parse(lists)
        }
        defer { cmark_node_free(root) }

        var walk = TreeWalk(topHeadingLevel: topHeadingLevel)
        walk.visit(root, resolveAnswerLink: resolveAnswerLink, resolveMedia: resolveMedia)
        walk.unwrapLinks()
        self.plainText = walk.text.trimmingTrailingNewlines()
        // The text as listings and search results show it, joined once: the excerpt is its start.
        let shown = Self.joinedAsShown(lines: walk.lines, blockEnds: walk.blockEnds, limit: SearchSnippets.looked)
        let start = shown.text.prefix(characters: Self.excerptLength)
        self.excerpt = start.endIndex == shown.text.endIndex && !shown.isLong ? shown.text : start + "…"
        self.searchPieces = SearchSnippets.pieces(of: shown.text, isWhole: !shown.isLong)
        var lastLine = 1
        self.readerLines = zip(walk.lines, walk.lineSources).enumerated().compactMap { index, pair in
            let (text, line) = pair
            lastLine = line > 0 ? line : lastLine
            guard !text.isEmpty else { return nil }
            // The list number a browser draws, and a paragraph separator where a block ends, so that a
            // term does not run from a heading into the next paragraph while a number still joins across.
            return ((walk.markers[index] ?? "") + text + (walk.blockEnds.contains(index) ? "\u{2029}" : ""), lastLine)
        } + walk.attributes
        self.unresolvedLinks = walk.unresolved
        self.mediaReferences = walk.mediaReferences

        guard renderingHTML else {
            self.html = ""
            return
        }
        ChineseLines.joinLines(in: root)
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else {
            self.html = ""
            return
        }
        defer { free(rendered) }
        self.html = Self.sized(String(cString: rendered), images: walk.sizedImages)
    }
}

extension MarkdownDocument {
    /// The excerpt's length in characters.
    static let excerptLength = 90

    /// The first sentences of the text, as listings, the page description and
    /// the feed show them: the lines of a paragraph joined as the page joins
    /// them, and blocks (a heading, a paragraph, a list item) kept apart by a
    /// `；` where they do not end a sentence themselves — so `内部` ⏎⏎ `资料`
    /// reads `内部；资料` there as on the page. Moderation reads it too.
    package static func excerpt(lines: [String], blockEnds: Set<Int>, limit: Int = excerptLength) -> String {
        let (joined, isLong) = joinedAsShown(lines: lines, blockEnds: blockEnds, limit: limit)
        return isLong ? joined + "…" : joined
    }

    /// The text's first `limit` characters as listings and search results show them (see
    /// ``excerpt(lines:blockEnds:limit:)``), and whether the text goes on.
    package static func joinedAsShown(lines: [String], blockEnds: Set<Int>, limit: Int) -> (text: String, isLong: Bool) {
        var joined = ""
        // Scalars, counted as they are added: never fewer than characters, so the characters
        // (a walk over the whole text) are counted only once the scalars pass the limit.
        var scalars = 0
        var isLong = false
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let last = joined.unicodeScalars.last, let next = line.unicodeScalars.first {
                let endsBlock = blockEnds.contains(index - 1) || lines[index - 1].isEmpty
                if endsBlock {
                    if !"。！？；：，.!?;:,".unicodeScalars.contains(last) { joined += "；"; scalars += 1 }
                } else if !(ChineseLines.isUnspaced(last) && ChineseLines.isUnspaced(next)) {
                    joined += " "
                    scalars += 1
                }
            }
            joined += line
            scalars += line.unicodeScalars.count
            if scalars > limit, joined.prefix(characters: limit).endIndex != joined.endIndex {
                isLong = true
                break
            }
        }
        return isLong ? (String(joined.prefix(characters: limit)), true) : (joined, false)
    }

    /// `<img>` of published images with their `width` and `height`, so the page does not shift while they load.
    private static func sized(_ html: String, images: [MediaTarget]) -> String {
        var html = html
        var done: Set<String> = []
        for image in images where done.insert(image.url).inserted {
            guard let size = image.size else { continue }
            html = html.replacing("<img src=\"\(image.url)\"",
                                  with: "<img src=\"\(image.url)\" width=\"\(size.width)\" height=\"\(size.height)\" loading=\"lazy\"")
        }
        return html
    }

    private static func parse(_ source: String) -> OpaquePointer {
        var source = source
        return source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        // By bytes: a line feed or a space is one byte, and never the end of a longer Character but
        // as "\r\n" (kept, as before). Most texts end in neither: returned as they are, not copied.
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x0A || utf8[before] == 0x20 else { break }
            if utf8[before] == 0x0A, before > utf8.startIndex, utf8[utf8.index(before: before)] == 0x0D { break }
            end = before
        }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}
