import Content
import Glibc

/// What every page of a site must show, or the build fails instead of
/// publishing it: the uniform logo and slogan (article 34), and the site's
/// filings, sponsor and site code with links to its privacy statement and
/// its error-report page (the rules for public-institution websites). A
/// theme that drops any of them is caught here, page by page.
struct BrandingCheck: Sendable {
    /// What must stand on the page, as its reader is told, and the bytes that show it is there.
    private let markers: [(what: String, bytes: [UInt8])]

    init(logoURL: String, slogan: String, registration: SiteRegistration, privacyURL: String, errorReportURL: String) {
        var markers = [("the province logo (<img src=\"…logo…\">)", "src=\"\(logoURL)\""), ("the slogan from portal.yml", slogan.xmlEscaped)]
        let shown = [("the ICP filing number", registration.icp), ("the public-security filing number", registration.policeRecord?.number),
                     ("the sponsor", registration.sponsor), ("the website identification code", registration.siteCode)]
        markers += shown.compactMap { what, value in value.map { (what, $0.xmlEscaped) } }
        markers += [("the link to the privacy statement", "href=\"\(privacyURL)\""),
                    ("the link to the error-report page", "href=\"\(errorReportURL)\"")]
        self.markers = markers.map { ($0.0, Array($0.1.utf8)) }
    }

    /// The problem with the page `html`, naming the template that produced it, or `nil`.
    func issue(in html: [UInt8], template: String, directory: String) -> ContentIssue? {
        let missing = markers.filter { !Self.contains(html, $0.bytes) }.map(\.what)
        guard !missing.isEmpty else { return nil }
        return ContentIssue(file: "\(directory)/\(template).mustache", line: nil,
                            message: "Pages made from this template lack \(missing.joined(separator: " and ")).",
                            fix: "Keep {{> header}} and {{> footer}} in the template, and in them the logo, slogan, filing numbers, sponsor and the privacy and error-report links: every page must show them.")
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
