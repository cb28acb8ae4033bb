import Content

/// What every page of a site must show, or the build fails instead of
/// publishing it: the uniform logo and slogan (article 34), and the site's
/// filings, sponsor and site code with links to its privacy statement and
/// its error-report page (the rules for public-institution websites). A
/// theme that drops any of them is caught here, page by page.
struct BrandingCheck: Sendable {
    /// What must stand on the page, as its reader is told, and the bytes that show it is there.
    private let markers: [(what: String, pattern: BytePattern)]

    init(logoURL: String, slogan: String, registration: SiteRegistration, privacyURL: String, errorReportURL: String) {
        var markers = [("the province logo (<img src=\"…logo…\">)", "src=\"\(logoURL)\""), ("the slogan from portal.yml", slogan.xmlEscaped)]
        // Each as a reader sees it: the number as a link's or element's text, the sponsor and the code with their labels.
        let shown = [("the ICP filing number", registration.icp.map { ">\($0.xmlEscaped)<" }),
                     ("the public-security filing number", registration.policeRecord.map { ">\($0.number.xmlEscaped)<" }),
                     ("the sponsor (主办单位：…)", registration.sponsor.map { "主办单位：\($0.xmlEscaped)" }),
                     ("the website identification code (网站标识码：…)", registration.siteCode.map { "网站标识码：\($0.xmlEscaped)" })]
        markers += shown.compactMap { what, marker in marker.map { (what, $0) } }
        markers += [("the link to the privacy statement", "href=\"\(privacyURL)\""),
                    ("the link to the error-report page", "href=\"\(errorReportURL)\"")]
        self.markers = markers.map { ($0.0, BytePattern($0.1)) }
    }

    /// The problem with the page `html`, naming the template that produced it, or `nil`.
    /// Only the page's body counts, outside HTML comments: a value in a `<meta>` or a comment is no footer.
    func issue(in html: [UInt8], template: String, directory: String) -> ContentIssue? {
        let body = Self.bodyTag.firstIndex(in: html, from: 0) ?? html.count
        var comments: [Range<Int>] = []
        var at = body
        while let open = Self.commentOpen.firstIndex(in: html, from: at) {
            let close = Self.commentClose.firstIndex(in: html, from: open + Self.commentOpen.count).map { $0 + Self.commentClose.count } ?? html.count
            comments.append(open..<close)
            at = close
        }
        // The footer closes the page: each marker is searched for from the end. Searched for from the body on,
        // in Chinese text, they took a twentieth of a full build.
        let missing = markers.filter { marker in
            var before = html.count
            while let hit = marker.pattern.lastIndex(in: html, startingIn: body..<before) {
                if !comments.contains(where: { $0.contains(hit) }) { return false }
                before = hit
            }
            return true
        }.map(\.what)
        guard !missing.isEmpty else { return nil }
        return ContentIssue(file: "\(directory)/\(template).mustache", line: nil,
                            message: "Pages made from this template lack \(missing.joined(separator: " and ")).",
                            fix: "Keep {{> header}} and {{> footer}} in the template, and in them the logo, slogan, filing numbers, sponsor and the privacy and error-report links: every page must show them.")
    }

    private static let bodyTag = BytePattern("<body")
    private static let commentOpen = BytePattern("<!--")
    private static let commentClose = BytePattern("-->")
}
