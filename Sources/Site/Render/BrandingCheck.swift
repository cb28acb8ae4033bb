import Content
import Glibc

/// Article 34: the uniform logo and slogan stand in a prominent position on
/// every page. A theme that drops them fails the build instead of publishing.
struct BrandingCheck: Sendable {
    let logoMarker: [UInt8]
    let sloganMarker: [UInt8]

    init(logoURL: String, slogan: String) {
        logoMarker = Array("src=\"\(logoURL)\"".utf8)
        sloganMarker = Array(slogan.xmlEscaped.utf8)
    }

    /// The problem with the page `html`, naming the template that produced it, or `nil`.
    func issue(in html: [UInt8], template: String, directory: String) -> ContentIssue? {
        var missing: [String] = []
        if !Self.contains(html, logoMarker) { missing.append("the province logo (<img src=\"…logo…\">)") }
        if !Self.contains(html, sloganMarker) { missing.append("the slogan from portal.yml") }
        guard !missing.isEmpty else { return nil }
        return ContentIssue(file: "\(directory)/\(template).mustache", line: nil,
                            message: "Pages made from this template lack \(missing.joined(separator: " and ")).",
                            fix: "Keep {{> header}} in the template: every page must carry the uniform logo and slogan (article 34).")
    }

    /// Byte search: the page is UTF-8 already, and comparing characters would be far slower.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return haystack.withUnsafeBytes { page in
            needle.withUnsafeBytes { marker in
                guard let base = page.baseAddress, let markerBase = marker.baseAddress else { return false }
                var offset = 0
                while offset + marker.count <= page.count {
                    guard let hit = memchr(base + offset, Int32(first), page.count - offset - marker.count + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, markerBase, marker.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
