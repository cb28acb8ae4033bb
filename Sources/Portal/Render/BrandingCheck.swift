/// Article 34: the uniform logo and slogan stand in a prominent position on
/// every page. A theme that drops them fails the build instead of publishing.
struct BrandingCheck: Sendable {
    let logoMarker: String
    let sloganMarker: String

    init(logoURL: String, slogan: String) {
        logoMarker = "src=\"\(logoURL)\""
        sloganMarker = slogan.xmlEscaped
    }

    /// The problem with `html`, naming the template that produced it, or `nil`.
    func issue(in html: String, template: String, directory: String) -> ContentIssue? {
        var missing: [String] = []
        if !html.contains(logoMarker) { missing.append("the province logo (<img \(logoMarker)>)") }
        if !html.contains(sloganMarker) { missing.append("the slogan from portal.yml") }
        guard !missing.isEmpty else { return nil }
        return ContentIssue(file: "\(directory)/\(template).mustache", line: nil,
                            message: "Pages made from this template lack \(missing.joined(separator: " and ")).",
                            fix: "Keep {{> header}} in the template: every page must carry the uniform logo and slogan (article 34).")
    }
}
