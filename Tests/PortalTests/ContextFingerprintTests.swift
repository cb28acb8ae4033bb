import Content
@testable import Site
import Testing

/// A page's fingerprint changes with every value its template can read, and
/// only with them: a page kept because its fingerprint did not change is the page a render would make.
struct ContextFingerprintTests {
    private func head(title: String = "标题", metadata: [MetaTag] = [MetaTag(name: "ColumnName", content: "预防接种")],
                      header: String = "<header>", footer: String = "<footer>") -> PageHead {
        PageHead(title: title, heading: title, description: "说明", canonical: "https://www.jsnj12320.cn/", metadata: metadata,
                 pageType: "article", header: header, footer: footer)
    }

    @Test func theSameValuesHaveTheSameFingerprint() {
        #expect(ContextFingerprint.of(head()) == ContextFingerprint.of(head()))
    }

    @Test func everyValueChangesTheFingerprint() {
        let variants = [
            head(), head(title: "标题。"), head(metadata: []), head(metadata: [MetaTag(name: "ColumnName", content: "预防接种。")]),
            head(metadata: [MetaTag(name: "ColumnName", content: "预防接种"), MetaTag(name: "ColumnName", content: "预防接种")]),
            head(header: "<header class=x>"), head(footer: "<footer >"),
        ]
        #expect(Set(variants.map { ContextFingerprint.of($0) }).count == variants.count)
    }

    /// Text boundaries count: `ab` + `c` is not `a` + `bc`.
    @Test func textsDoNotRunTogether() {
        #expect(ContextFingerprint.of(MetaTag(name: "ab", content: "c")) != ContextFingerprint.of(MetaTag(name: "a", content: "bc")))
        #expect(ContextFingerprint.of(head(metadata: [MetaTag(name: "a", content: "b")]))
                != ContextFingerprint.of(head(metadata: [MetaTag(name: "ab", content: "")])))
    }

    /// The page's template and its site's values are part of it.
    @Test func theTemplateAndTheSiteCount() throws {
        let fixture = try ProvinceFixture()
        let province = try ProvinceLoader.load(file: fixture.content + "/portal.yml")
        let hub = SiteValues(province: province, city: nil, logoURL: "/logo.svg", assetURLs: [:])
        let nanjing = SiteValues(province: province, city: province.cities.first { $0.abbr == "nj" }, logoURL: "/logo.svg", assetURLs: [:])
        let page = PageContext(body: PlainPage(), head: head(), site: hub)
        let fingerprints = [
            page.fingerprint(template: "search", siteFingerprint: ContextFingerprint.of(hub)),
            page.fingerprint(template: "report-error", siteFingerprint: ContextFingerprint.of(hub)),
            page.fingerprint(template: "search", siteFingerprint: ContextFingerprint.of(nanjing)),
        ]
        #expect(Set(fingerprints).count == 3)
        #expect(ContextFingerprint.of(hub) != ContextFingerprint.of(SiteValues(province: province, city: nil, logoURL: "/logo2.svg", assetURLs: [:])))
    }
}
