import Content
import Diagnostics
import Foundation
@testable import Site
import Testing

/// Each city's `deploy:` over the province's: its nginx file, and the scheme
/// its links, canonical addresses, sitemap and feed use.
struct SiteDeploySettingsTests {
    private func build(_ fixture: borrowing ProvinceFixture) async throws {
        let content = try ContentLoader.load(directory: fixture.content)
        _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
    }

    /// Suzhou's own settings: no TLS, its own root, port and extra names; Nanjing keeps the province's TLS.
    private func fixtureWithSuzhouSettings() throws -> ProvinceFixture {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "    abbr: sz\n", with: """
                abbr: sz
                deploy:
                  tls: off
                  root: /data/suzhou
                  listen: "8080"
                  server_names: [jssz12320.cn, 12320.suzhou.gov.cn]

            """)
        try fixture.edit("Content/portal.yml", replacing: "  tls_certificate_key: /etc/ssl/12320/{domain}.key\n", with: """
              tls_certificate_key: /etc/ssl/12320/{domain}.key
              tls_chain: /etc/ssl/12320/chain.pem
              hsts: 600

            """)
        return fixture
    }

    @Test func aCityServedWithoutTLSIsLinkedWithHTTPEverywhere() async throws {
        let fixture = try fixtureWithSuzhouSettings()
        try await build(fixture)
        let suzhou = try fixture.read("dist/www.jssz12320.cn/answers/flu/index.html")
        #expect(suzhou.contains("<link rel=\"canonical\" href=\"http://www.jssz12320.cn/answers/flu/\">"))
        #expect(!suzhou.contains("https://www.jssz12320.cn"))
        #expect(try fixture.read("dist/www.jssz12320.cn/sitemap.xml").contains("<loc>http://www.jssz12320.cn/answers/flu/</loc>"))
        #expect(try fixture.read("dist/www.jssz12320.cn/feed.xml").contains("<id>http://www.jssz12320.cn/answers/"))
        // Nanjing is served over HTTPS and links Suzhou as Suzhou is served.
        let nanjing = try fixture.read("dist/www.jsnj12320.cn/index.html")
        #expect(nanjing.contains("href=\"https://www.jsnj12320.cn/\""))
        #expect(nanjing.contains("href=\"http://www.jssz12320.cn/\""))
    }

    @Test func eachCitysNginxFileUsesItsOwnSettings() async throws {
        let fixture = try fixtureWithSuzhouSettings()
        try await build(fixture)
        let suzhou = try fixture.read("dist/nginx/www.jssz12320.cn.conf")
        #expect(suzhou.contains("root /data/suzhou/www.jssz12320.cn/current;"))
        #expect(suzhou.contains("listen 8080;"))
        #expect(suzhou.contains("server_name jssz12320.cn 12320.suzhou.gov.cn;"))
        #expect(suzhou.contains("return 301 http://www.jssz12320.cn$request_uri;"))
        #expect(!suzhou.contains("\n    ssl_certificate ") && !suzhou.contains("Strict-Transport-Security"))

        let nanjing = try fixture.read("dist/nginx/www.jsnj12320.cn.conf")
        #expect(nanjing.contains("root /srv/12320/www.jsnj12320.cn/current;"))
        #expect(nanjing.contains("listen 443 ssl http2;"))
        #expect(nanjing.contains("ssl_certificate /etc/ssl/12320/www.jsnj12320.cn.crt;"))
        #expect(nanjing.contains("ssl_session_cache shared:portal12320:10m;"))
        #expect(nanjing.contains("ssl_stapling on;") && nanjing.contains("ssl_trusted_certificate /etc/ssl/12320/chain.pem;"))
        #expect(nanjing.contains("add_header Strict-Transport-Security \"max-age=600\" always;"))
        #expect(nanjing.contains("return 301 https://www.jsnj12320.cn$request_uri;"))
        for conf in [suzhou, nanjing] {
            // Every server block hides the version, and the manifest is not served.
            #expect(conf.components(separatedBy: "server {").count - 1 == conf.components(separatedBy: "server_tokens off;").count - 1)
            #expect(conf.contains("location = /release-manifest.json {\n        return 404;"))
        }
    }

    @Test(arguments: [("tls: maybe", "neither on nor off"), ("hsts: forever", "`hsts` `forever` is not usable"),
                      ("server_names: [\"a;b.cn\"]", "The server name `a;b.cn` is not usable"),
                      ("root: relative/path", "The deploy `root` `relative/path` is not usable")])
    func aBadCitySettingIsReportedAtItsLine(_ setting: (String, String)) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "    abbr: sz\n", with: "    abbr: sz\n    deploy:\n      \(setting.0)\n")
        let error = try #require(throws: ContentErrors.self) { try ProvinceLoader.load(file: fixture.content + "/portal.yml") }
        #expect(error.description.contains(setting.1), "\(error.description)")
        #expect(error.description.contains("portal.yml:"))
    }

    /// A site's other names may not take another site's requests (or all sites', set province-wide).
    @Test(arguments: [
        ("    abbr: sz\n", "    abbr: sz\n    deploy:\n      server_names: [www.js12320.cn]\n", "lists `www.js12320.cn`, which is"),
        ("    abbr: sz\n", "    abbr: sz\n    deploy:\n      server_names: [jsnj12320.cn]\n", "lists `jsnj12320.cn`, which is 南京市's site"),
        ("deploy:\n", "deploy:\n  server_names: [extra.example.cn]\n", "`server_names` names one site's other domains"),
        ("deploy:\n", "deploy:\n  listen: \"443\"\n  listen_tls: \"443 ssl\"\n", "`listen` and `listen_tls` are the same address"),
    ])
    func aServerNameOrPortThatWouldTakeAnotherSitesRequestsIsRefused(_ edit: (String, String, String)) throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: edit.0, with: edit.1)
        let error = try #require(throws: ContentErrors.self) { try ProvinceLoader.load(file: fixture.content + "/portal.yml") }
        #expect(error.description.contains(edit.2), "\(error.description)")
    }

    @Test func twoCitiesCannotShareAServerName() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "    abbr: sz\n", with: "    abbr: sz\n    deploy:\n      server_names: [12320.example.cn]\n")
        try fixture.edit("Content/portal.yml", replacing: "    abbr: nj\n", with: "    abbr: nj\n    deploy:\n      server_names: [12320.example.cn]\n")
        let error = try #require(throws: ContentErrors.self) { try ProvinceLoader.load(file: fixture.content + "/portal.yml") }
        #expect(error.description.contains("lists `12320.example.cn`, which is 南京市's site"), "\(error.description)")
    }
}
