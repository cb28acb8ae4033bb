import Foundation

/// The links (`href`, `src`) and anchors (`id`) of one page the build
/// rendered. The pages are our own output, attributes always in double
/// quotes, so a scan of the bytes reads them without an HTML parser.
struct PageLinks: Sendable {
    /// Every `href` and `src` value, character references decoded.
    let targets: [String]
    /// Every `id` value.
    let ids: Set<String>

    init(html: [UInt8]) {
        var targets: [String] = []
        var ids: Set<String> = []
        var index = 0
        let count = html.count
        while index < count {
            // An attribute starts after white space: ` href="`, ` src="`, ` id="`.
            guard html[index] == 0x20 || html[index] == 0x0A || html[index] == 0x09 else {
                index += 1
                continue
            }
            index += 1
            for (name, isAnchor) in Self.attributes where Self.starts(html, at: index, with: name) {
                let start = index + name.count
                guard let end = html[start...].firstIndex(of: 0x22) else { break }
                let value = Self.decoded(String(decoding: html[start..<end], as: UTF8.self))
                if isAnchor { ids.insert(value) } else { targets.append(value) }
                index = end
                break
            }
        }
        self.targets = targets
        self.ids = ids
    }

    private static let attributes: [([UInt8], Bool)] = [(Array("href=\"".utf8), false), (Array("src=\"".utf8), false), (Array("id=\"".utf8), true)]

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    /// The references Mustache and cmark write in attribute values.
    private static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
