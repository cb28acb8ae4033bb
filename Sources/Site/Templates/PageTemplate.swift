/// A page template of the theme, typed by the values its pages render, so
/// that the renderer cannot hand a template another page's values.
struct PageTemplate<Body: TemplateContext>: Sendable {
    let name: String

    /// Every name the template may use.
    var schema: TemplateSchema { PageContext<Body>.schema }
}

extension PageTemplate where Body == HomePage { static var home: Self { Self(name: "home") } }
extension PageTemplate where Body == CategoryPage { static var category: Self { Self(name: "category") } }
extension PageTemplate where Body == AnswerPage { static var answer: Self { Self(name: "answer") } }
extension PageTemplate where Body == HubPage { static var hub: Self { Self(name: "hub") } }
extension PageTemplate where Body == PlainPage {
    static var search: Self { Self(name: "search") }
    static var notFound: Self { Self(name: "notfound") }
}

/// What a theme must provide: each page template with the names it may use,
/// and the site header and footer with theirs.
enum ThemeContract {
    static let pages: [(name: String, schema: TemplateSchema)] = [
        (PageTemplate.home.name, PageTemplate.home.schema),
        (PageTemplate.category.name, PageTemplate.category.schema),
        (PageTemplate.answer.name, PageTemplate.answer.schema),
        (PageTemplate.notFound.name, PageTemplate.notFound.schema),
        (PageTemplate.hub.name, PageTemplate.hub.schema),
        (PageTemplate.search.name, PageTemplate.search.schema),
    ]

    /// Partials rendered once per site with ``SiteValues`` (see ``SiteChrome``).
    static let siteChrome = ["header", "footer"]
}
