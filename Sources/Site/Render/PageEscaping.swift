import Mustache

/// How the theme's `{{value}}` tags escape text: the five characters HTML
/// treats specially, byte by byte. swift-mustache's own escaping compares
/// whole characters, so a quote or `<` followed by a combining mark (`"́`)
/// is one character that is none of the five, and went out unescaped: a
/// title could end an attribute value. It also cost an eighth of a build.
/// Every template is loaded with this content type (see ``TemplateSet``).
struct PageEscaping: MustacheContentType {
    /// The name the templates' `{{% CONTENT_TYPE: … }}` pragma uses.
    static let name = "PORTAL12320_HTML"

    /// The pragma put before every template's text, on a line of its own (which renders as nothing).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache, once, before a template is parsed.
    static let registered: Void = MustacheContentTypes.register(PageEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        text.htmlEscaped
    }
}

extension String {
    /// `&`, `<`, `>`, `"` and `'` as HTML character references; every other byte as it is.
    var htmlEscaped: String {
        let utf8 = self.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
