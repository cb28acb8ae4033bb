import Content

/// What the templates of one site share on every page, built once per site:
/// its ``SiteValues`` and its header and footer, rendered once (the header
/// once per category, which it marks current) instead of once per page.
struct SiteChrome: Sendable {
    let values: SiteValues
    /// The pre-rendered header, one variant per current category key ("" for none).
    private let headers: [String: String]
    private let footer: String
    let domain: String

    var siteName: String { values.siteName }

    /// - Parameters:
    ///   - city: the city whose site this is; `nil` for the hub.
    ///   - templates: renders the header and footer once for the whole site.
    init(province: Province, city: City?, logoURL: String, stylesheetURL: String, searchScriptURL: String, templates: TemplateSet) {
        domain = city.map(province.domain(of:)) ?? province.hubDomain
        values = SiteValues(province: province, city: city, logoURL: logoURL, stylesheetURL: stylesheetURL,
                            searchScriptURL: searchScriptURL)
        var headers: [String: String] = [:]
        for current in [""] + (city == nil ? [] : province.categories.map(\.key)) {
            headers[current] = templates.renderChrome("header", values.marking(category: current))
        }
        self.headers = headers
        footer = templates.renderChrome("footer", values)
    }

    /// One page's context: its own values, its head, the site's values.
    /// - Parameters:
    ///   - path: the page's path on its site, e.g. `/answers/fever/`.
    ///   - category: the category the page belongs to, marked current in the navigation.
    func page<Body: TemplateContext>(_ body: Body, title: String, description: String, path: String,
                                     category: String? = nil) -> PageContext<Body> {
        let head = PageHead(title: title == siteName ? siteName : "\(title) - \(siteName)", heading: title,
                            description: description, canonical: "https://\(domain)\(path)",
                            header: headers[category ?? ""] ?? headers[""] ?? "", footer: footer)
        return PageContext(body: body, head: head, site: values)
    }
}
