/// The text an SVG file shows: what stands between its tags (the content of `<text>`, `<title>`, `<desc>`,
/// `<foreignObject>`), character references left for moderation to read, and CDATA sections' text. A tag is
/// removed, not replaced: `内<tspan>部</tspan>资料` reads `内部资料`. Tags are read with their quoted values
/// (`class="a>zz"` holds a `>`), comments and processing instructions to their ends.
enum SVGText {
    /// The text `bytes` show; `nil` for a file whose document type declares entities (an internal subset:
    /// `<!DOCTYPE svg [<!ENTITY a "内部">]>` … `&a;`), which could hold text that no reading of the tags sees.
    /// A document type without one (`<!DOCTYPE svg PUBLIC "…" "….dtd">`, as drawing programs write) is read past:
    /// browsers fetch no external DTD.
    static func shown(in bytes: [UInt8]) -> [UInt8]? {
        var shown: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                shown.append(bytes[index])
                index += 1
                continue
            }
            let rest = bytes[index...]
            if rest.starts(with: cdataOpen) {
                let end = Self.end(of: cdataClose, in: bytes, from: index + cdataOpen.count)
                shown += bytes[(index + cdataOpen.count)..<end]
                index = end + cdataClose.count
            } else if rest.starts(with: commentOpen) {
                index = Self.end(of: commentClose, in: bytes, from: index + commentOpen.count) + commentClose.count
            } else if rest.starts(with: Array("<?".utf8)) {
                index = Self.end(of: Array("?>".utf8), in: bytes, from: index + 2) + 2
            } else if rest.starts(with: Array("<!DOCTYPE".utf8)) {
                let end = tagEnd(in: bytes, from: index + 2)
                if bytes[index..<end].contains(UInt8(ascii: "[")) { return nil }
                index = end
            } else if rest.starts(with: Array("<!".utf8)) {
                // `<!ENTITY` outside a document type, or any other declaration.
                return nil
            } else {
                index = tagEnd(in: bytes, from: index + 1)
            }
        }
        return shown
    }

    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// Where `pattern` starts from `start` on (the end of `bytes` if nowhere).
    private static func end(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, !bytes[index...].starts(with: pattern) { index += 1 }
        return min(index, bytes.count)
    }

    /// The index after the `>` that ends the tag whose name starts at `start`, quoted values skipped.
    private static func tagEnd(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }
}
