import Content

/// What the templates of one site share on every page, built once per site:
/// its ``SiteValues`` and its header and footer, rendered once (the header
/// once per category, which it marks current) instead of once per page.
final class SiteChrome: Sendable {
    let values: SiteValues
    /// The pre-rendered header, one variant per current category key ("" for none).
    private let headers: [String: String]
    private let footer: String
    let domain: String
    /// `https://<domain>`, or `http://` where the site is served without TLS.
    let origin: String
    /// `SiteName`, `SiteDomain` and, where one is assigned, `SiteIDCode`.
    private let siteMetadata: [MetaTag]
    /// What every page of this site must show.
    let branding: BrandingCheck
    /// The ``ContextFingerprint`` of ``values``, part of every page's.
    let valuesFingerprint: String

    var siteName: String { values.siteName }

    /// - Parameters:
    ///   - city: the city whose site this is; `nil` for the hub.
    ///   - templates: renders the header and footer once for the whole site.
    init(province: Province, city: City?, logoURL: String, assetURLs: [String: String], templates: TemplateSet) {
        domain = city.map(province.domain(of:)) ?? province.hubDomain
        origin = province.origin(of: city)
        values = SiteValues(province: province, city: city, logoURL: logoURL, assetURLs: assetURLs)
        var headers: [String: String] = [:]
        for current in [""] + province.categories.map(\.key) {
            headers[current] = templates.renderChrome("header", values.marking(category: current))
        }
        self.headers = headers
        footer = templates.renderChrome("footer", values)
        siteMetadata = [MetaTag(name: "SiteName", content: values.siteName), MetaTag(name: "SiteDomain", content: domain)]
            + (province.registration(of: city).siteCode.map { [MetaTag(name: "SiteIDCode", content: $0)] } ?? [])
        valuesFingerprint = ContextFingerprint.of(values)
        branding = BrandingCheck(logoURL: logoURL, slogan: province.slogan, registration: province.registration(of: city),
                                 privacyURL: values.privacyURL, errorReportURL: values.errorReportURL)
    }

    /// One page's context: its own values, its head, the site's values.
    /// - Parameters:
    ///   - path: the page's path on its site, e.g. `/answers/fever/`.
    ///   - category: the category the page belongs to, marked current in the navigation.
    ///   - metadata: the page's own `<meta>` names, after the site's.
    func page<Body: TemplateContext>(_ body: Body, title: String, description: String, path: String,
                                     category: String? = nil, metadata: [MetaTag] = [], article: Bool = false) -> PageContext<Body> {
        let head = PageHead(title: title == siteName ? siteName : "\(title) - \(siteName)", heading: title,
                            description: description, canonical: origin + path,
                            metadata: siteMetadata + metadata, pageType: article ? "article" : "website",
                            header: headers[category ?? ""] ?? headers[""] ?? "", footer: footer)
        return PageContext(body: body, head: head, site: values)
    }
}
