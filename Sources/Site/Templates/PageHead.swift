/// What every page has of its own: title, description, address, and the
/// site's header and footer already rendered (``SiteChrome``).
struct PageHead: TemplateContext {
    /// `title - site name`, or the site name alone on the home page.
    let title: String
    let heading: String
    let description: String
    let canonical: String
    /// The page's `<meta name>` tags: the site's on every page, the column's and the article's where they apply.
    let metadata: [MetaTag]
    /// `article` for an answer, `website` otherwise (Open Graph).
    let pageType: String
    let header: String
    let footer: String

    static let keys: [String: TemplateKey<PageHead>] = [
        "title": .text(\.title), "heading": .text(\.heading), "description": .text(\.description),
        "canonical": .address(\.canonical), "metadata": .list(\.metadata), "pageType": .text(\.pageType),
        TemplateSet.chromeKey("header"): .html(\.header), TemplateSet.chromeKey("footer"): .html(\.footer),
    ]
}
