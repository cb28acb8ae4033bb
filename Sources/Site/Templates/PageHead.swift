/// What every page has of its own: title, description, address, and the
/// site's header and footer already rendered (``SiteChrome``).
struct PageHead: TemplateContext {
    /// `title - site name`, or the site name alone on the home page.
    let title: String
    let heading: String
    let description: String
    let canonical: String
    let header: String
    let footer: String

    static let keys: [String: TemplateKey<PageHead>] = [
        "title": .text(\.title), "heading": .text(\.heading), "description": .text(\.description),
        "canonical": .text(\.canonical),
        TemplateSet.chromeKey("header"): .html(\.header), TemplateSet.chromeKey("footer"): .html(\.footer),
    ]
}
