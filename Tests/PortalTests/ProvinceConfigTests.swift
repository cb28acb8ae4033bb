@testable import Site
import Content
import Testing

/// The grammars `portal.yml` values must match before they reach nginx files, URLs or links.
struct ProvinceConfigTests {
    @Test(arguments: ["www.js12320.cn", "nj.12320.example.cn", "a-b.c0.cn", String(repeating: "a", count: 63) + ".cn"])
    func hostNamesAreAccepted(_ name: String) {
        #expect(HostName.problem(name) == nil)
    }

    @Test(arguments: ["", "WWW.js12320.cn", "www.js12320.cn.", "www..cn", ".cn", "localhost", "-a.cn", "a-.cn", "a_b.cn",
                      "a.cn/x", "a.cn;", "a.cn x", "<a>.cn", "a.cn\n", "例子.cn", String(repeating: "a", count: 64) + ".cn",
                      Array(repeating: "abcdefgh", count: 32).joined(separator: ".")])
    func hostNamesAreRefused(_ name: String) {
        #expect(HostName.problem(name) != nil)
    }

    @Test(arguments: ["/srv/12320", "/srv/12320/", "/var/www/portal_12320-a/b.c", "/etc/ssl/12320/www.js12320.cn.crt"])
    func serverPathsAreAccepted(_ path: String) {
        #expect(ServerPath.problem(path) == nil)
    }

    @Test(arguments: ["srv/12320", "/srv/12320;", "/srv/{x}", "/srv/}", "/srv/\"a\"", "/srv/'a'", "/srv/#a", "/srv/$host",
                      "/srv/a b", "/srv/a\tb", "/srv/../etc", "/srv/./x", "/srv/a\u{1B}"])
    func serverPathsAreRefused(_ path: String) {
        #expect(ServerPath.problem(path) != nil)
    }

    @Test(arguments: [("80", false), ("127.0.0.1:8080", false), ("[::1]:8080", false), ("0.0.0.0:1", false), ("65535", false),
                      ("443 ssl", true), ("443 ssl http2", true), ("127.0.0.1:8443 http2 ssl", true), ("[2001:db8::1]:443 ssl", true)])
    func listenValuesAreAccepted(_ value: String, _ tls: Bool) {
        #expect(ListenAddress.problem(value, tls: tls) == nil)
    }

    @Test(arguments: [("80; include /etc/passwd", false), ("0", false), ("65536", false), ("080", false), ("80 ssl", false),
                      ("80 default_server", false), ("127.0.0.256:80", false), ("127.0.0.01:80", false), ("[::g]:80", false),
                      ("localhost:80", false), ("80 ", false), ("443", true), ("443 ssl ssl", true), ("443  ssl", true),
                      ("443 ssl;", true), ("443 ssl proxy_protocol", true), ("unix:/tmp/x ssl", true)])
    func listenValuesAreRefused(_ value: String, _ tls: Bool) {
        #expect(ListenAddress.problem(value, tls: tls) != nil)
    }

    @Test func aPoisonedHubDomainIsReportedAtItsKeyAndLine() throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/portal.yml", replacing: "hub_domain: www.js12320.cn", with: "hub_domain: \"a.cn; return 302 http://evil\"")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.map(\.line) == [5])
        #expect(error.issues[0].message.contains("`hub_domain`"))
        #expect(error.issues[0].message.contains("`;`"))
    }

    @Test func deploySettingsAreReadWhenValid() throws {
        let fixture = try ProvinceFixture()
        // In place of the fixture's own `deploy:` (certificates only).
        try fixture.edit("Content/portal.yml", replacing: "deploy:\n  tls_certificate: /etc/ssl/12320/{domain}.crt\n  tls_certificate_key: /etc/ssl/12320/{domain}.key\n",
                         with: "deploy:\n  root: /var/www/12320\n  listen: \"127.0.0.1:8080\"\n  listen_tls: \"[::1]:8443 ssl http2\"\n"
                            + "  tls_certificate: /etc/ssl/{domain}.crt\n  tls_certificate_key: /etc/ssl/{domain}.key\n")
        let deploy = try ContentLoader.load(directory: fixture.content).province.deploy
        #expect(deploy.root == "/var/www/12320")
        #expect(deploy.listen == "127.0.0.1:8080")
        #expect(deploy.listenTLS == "[::1]:8443 ssl http2")
        #expect(deploy.hasTLS)
    }
}
