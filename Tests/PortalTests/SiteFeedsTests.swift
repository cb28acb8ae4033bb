@testable import Site
import Site
import Testing

struct SiteFeedsTests {
    @Test func sitemapAddressesAreEscaped() {
        let xml = SiteFeeds.sitemap([(url: "https://a.cn/?x=1&y=<2>", lastModified: nil)])
        #expect(xml.contains("<loc>https://a.cn/?x=1&amp;y=&lt;2&gt;</loc>"))
    }

    @Test func theFeedsOwnAddressesAreEscaped() {
        let xml = SiteFeeds.atom(title: "t", author: "a", siteURL: "https://a.cn/\"><x>/", answers: [])
        #expect(xml.contains("<id>https://a.cn/&quot;&gt;&lt;x&gt;/</id>"))
        #expect(xml.contains("href=\"https://a.cn/&quot;&gt;&lt;x&gt;/feed.xml\""))
        #expect(!xml.contains("<x>"))
    }

    @Test func controlCharactersXMLForbidsAreDropped() {
        #expect("a\u{1B}b\u{0B}c\u{FFFF}\td".xmlEscaped == "abc\td")
        #expect("<&'\">".xmlEscaped == "&lt;&amp;&#39;&quot;&gt;")
    }
}
