/// How the theme's `{{value}}` tags escape text: the five characters HTML
/// treats specially, byte by byte. swift-mustache's own escaping compared
/// whole characters, so a quote or `<` followed by a combining mark (`"́`)
/// was one character that is none of the five, and went out unescaped: a
/// title could end an attribute value.
enum HTMLEscaping {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` as HTML character references; every other byte as it is.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var unwritten = 0
            for (offset, byte) in utf8.enumerated() {
                let reference: StaticString
                switch byte {
                case 0x26: reference = "&amp;"
                case 0x3C: reference = "&lt;"
                case 0x3E: reference = "&gt;"
                case 0x22: reference = "&quot;"
                case 0x27: reference = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: utf8[unwritten..<offset])
                reference.withUTF8Buffer { bytes.append(contentsOf: $0) }
                unwritten = offset + 1
            }
            bytes.append(contentsOf: utf8[unwritten...])
        }
    }
}
