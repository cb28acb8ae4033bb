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

    @Test func controlCharactersXMLForbidsAreReplacedNotDropped() {
        // Dropped, they would join what moderation read apart: `内部\u{FFFF}资料` became `内部资料`.
        #expect("a\u{1B}b\u{0B}c\u{FFFF}\td".xmlEscaped == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\td")
        #expect("内部\u{FFFF}资料".xmlEscaped != "内部资料")
        #expect("<&'\">".xmlEscaped == "&lt;&amp;&#39;&quot;&gt;")
    }
}
