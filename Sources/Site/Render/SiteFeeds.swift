import Content
/// The machine-readable files of a site: `sitemap.xml`, the Atom feed and `robots.txt`.
enum SiteFeeds {
    /// - Parameter urls: absolute URLs with their last modification day, in page order.
    static func sitemap(_ urls: [(url: String, lastModified: Day?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in urls {
            xml += "  <url><loc>\(entry.url.xmlEscaped)</loc>"
            if let day = entry.lastModified { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of `answers` (already newest first). Dates are the answers'
    /// own, never the build's clock, so the feed is deterministic.
    static func atom(title: String, author: String, siteURL: String, answers: [PublishedAnswer]) -> String {
        let newest = answers.first.map { timestamp($0.answer.updated) } ?? "2000-01-01T00:00:00+08:00"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
              <title>\(title.xmlEscaped)</title>
              <id>\(siteURL.xmlEscaped)</id>
              <link rel="self" href="\((siteURL + "feed.xml").xmlEscaped)"/>
              <link rel="alternate" type="text/html" href="\(siteURL.xmlEscaped)"/>
              <updated>\(newest)</updated>
              <author><name>\(author.xmlEscaped)</name></author>

            """
        for page in answers {
            let url = (siteURL + page.path.dropFirst()).xmlEscaped
            xml += """
                  <entry>
                    <title>\(page.answer.title.xmlEscaped)</title>
                    <id>\(url)</id>
                    <link rel="alternate" type="text/html" href="\(url)"/>
                    <updated>\(timestamp(page.answer.updated))</updated>
                    <summary>\(page.excerpt.xmlEscaped)</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// - Parameter siteURL: built from a domain ``HostName`` accepted, so it holds no line break to add rules with.
    static func robots(siteURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(siteURL)sitemap.xml\n"
    }

    private static func timestamp(_ day: Day) -> String { "\(day)T00:00:00+08:00" }
}
