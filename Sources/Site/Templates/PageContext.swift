/// The context a page template renders: the page's own values (`Body`),
/// then its head, then the site's, looked up in that order.
struct PageContext<Body: TemplateContext>: TemplateObject {
    let body: Body
    let head: PageHead
    let site: SiteValues

    /// A name the body has is answered by the body alone, even where its value is absent.
    func value(named name: String) -> TemplateValue? {
        if let key = Body.keys[name] { return key.value(body) }
        if let key = PageHead.keys[name] { return key.value(head) }
        return SiteValues.keys[name]?.value(site)
    }

    /// The ``ContextFingerprint`` of these values rendered by `template`.
    /// - Parameter siteFingerprint: the site's values' own, taken once for all its pages (``SiteChrome/valuesFingerprint``).
    func fingerprint(template: String, siteFingerprint: String) -> String {
        var fingerprint = ContextFingerprint(template: template)
        fingerprint.add(body)
        fingerprint.add(head)
        fingerprint.add(text: siteFingerprint)
        return fingerprint.hex
    }

    /// Every name a template of this page may use.
    static var schema: TemplateSchema { Body.schema.merged(with: PageHead.schema).merged(with: SiteValues.schema) }
}
