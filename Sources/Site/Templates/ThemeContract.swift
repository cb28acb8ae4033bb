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
        (PageTemplate.privacy.name, PageTemplate.privacy.schema),
        (PageTemplate.plannedCity.name, PageTemplate.plannedCity.schema),
        (PageTemplate.reportError.name, PageTemplate.reportError.schema),
    ]

    /// Partials rendered once per site with ``SiteValues`` (see ``SiteChrome``).
    static let siteChrome = ["header", "footer"]
}
