import Foundation
import Testing

/// `portal.yml` is data: a value that would add markup, a path or an nginx
/// directive stops `check` and `build` with the key and line named, and never
/// reaches a file.
struct ConfigInjectionTests {
    /// One poisoned line of the sample `portal.yml`.
    struct Injection: Sendable, CustomTestStringConvertible {
        let key: String
        let old: String
        let new: String
        var testDescription: String { new }
    }

    static let injections: [Injection] = [
        .init(key: "hub_domain", old: "hub_domain: www.js12320.cn", new: "hub_domain: \"a.cn; return 302 http://evil\""),
        .init(key: "hub_domain", old: "hub_domain: www.js12320.cn", new: "hub_domain: www.js12320.cn."),
        .init(key: "hub_domain", old: "hub_domain: www.js12320.cn", new: "hub_domain: www.jsnj12320.cn"),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: www.js{abbr}/12320.cn"),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: www..js{abbr}12320.cn"),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: \"<b>{abbr}.cn\""),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: \"www.js{abbr}\\n12320.cn\""),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: www.js12320.cn"),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: \"{abbr}.{abbr}.cn\""),
        .init(key: "domain_pattern", old: "domain_pattern: www.js{abbr}12320.cn", new: "domain_pattern: \"www.js{abbr}12320.cn server_name x\""),
        .init(key: "root", old: "  root: /srv/12320", new: "  root: \"/srv/12320; include /etc/passwd\""),
        .init(key: "root", old: "  root: /srv/12320", new: "  root: \"/srv/12320}\""),
        .init(key: "root", old: "  root: /srv/12320", new: "  root: /srv/../etc"),
        .init(key: "root", old: "  root: /srv/12320", new: "  root: srv/12320"),
        .init(key: "listen", old: "  listen: \"80\"", new: "  listen: \"80; include /etc/passwd\""),
        .init(key: "listen", old: "  listen: \"80\"", new: "  listen: \"99999\""),
        .init(key: "listen", old: "  listen: \"80\"", new: "  listen: \"127.0.0.300:80\""),
        .init(key: "listen_tls", old: "  listen: \"80\"", new: "  listen: \"80\"\n  listen_tls: \"443 ssl; root /\""),
        .init(key: "listen_tls", old: "  listen: \"80\"", new: "  listen: \"80\"\n  listen_tls: \"443\""),
        .init(key: "tls_certificate", old: "  # tls_certificate: /etc/ssl/12320/{domain}.crt\n  # tls_certificate_key: /etc/ssl/12320/{domain}.key",
              new: "  tls_certificate: \"/etc/ssl/{domain}.crt; return 200 x\"\n  tls_certificate_key: /etc/ssl/12320/{domain}.key"),
        .init(key: "tls_certificate_key", old: "  # tls_certificate: /etc/ssl/12320/{domain}.crt\n  # tls_certificate_key: /etc/ssl/12320/{domain}.key",
              new: "  tls_certificate: /etc/ssl/12320/{domain}.crt\n  tls_certificate_key: \"/etc/ssl/{domain}/$host.key\""),
        .init(key: "email", old: "email: service@js12320.cn", new: "email: \"x@y.cn\\\"><script>alert(1)</script>\""),
        .init(key: "hotline", old: "hotline: \"12320\"", new: "hotline: \"12320\\\" onclick=\\\"x\""),
        .init(key: "logo", old: "logo: logo.svg", new: "logo: ../../etc/passwd"),
    ]

    @Test(arguments: injections)
    func aPoisonedValueStopsCheckAndBuildNamingItsKey(_ injection: Injection) throws {
        let province = try SampleProvinceCopy()
        let portal = try province.read("Content/portal.yml")
        try #require(portal.contains(injection.old))
        let poisoned = portal.replacingOccurrences(of: injection.old, with: injection.new)
        try province.write(poisoned, to: "Content/portal.yml")
        let line = try #require(poisoned.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix(injection.key + ":") || $0.hasPrefix("  " + injection.key + ":") }) + 1
        for command in [["check"], ["build"]] {
            let result = try province.run(command)
            #expect(result.status == 1, "\(command): \(result.output)")
            #expect(result.error.contains("Content/portal.yml:\(line): error: "), "\(command): \(result.error)")
            #expect(result.error.contains("`\(injection.key)`"), "\(command): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: province.root + "/dist"))
    }

    @Test func nginxAcceptsTheConfigurationOfNonDefaultValidSettings() throws {
        let province = try SampleProvinceCopy()
        let tls = province.root + "/tls"
        try FileManager.default.createDirectory(atPath: tls, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                             "-subj", "/CN=www.js12320.cn", "-keyout", tls + "/site.key", "-out", tls + "/site.crt"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        let portal = try province.read("Content/portal.yml")
            .replacingOccurrences(of: "  root: /srv/12320", with: "  root: \(province.root)/srv-12320_a")
            .replacingOccurrences(of: "  listen: \"80\"", with: "  listen: \"127.0.0.1:18080\"\n  listen_tls: \"127.0.0.1:18443 ssl http2\"")
            .replacingOccurrences(of: "  # tls_certificate: /etc/ssl/12320/{domain}.crt", with: "  tls_certificate: \(tls)/site.crt")
            .replacingOccurrences(of: "  # tls_certificate_key: /etc/ssl/12320/{domain}.key", with: "  tls_certificate_key: \(tls)/site.key")
        try province.write(portal, to: "Content/portal.yml")
        let build = try province.run(["build"])
        try #require(build.status == 0, "\(build.error)")
        let conf = try province.read("dist/nginx/www.jsnj12320.cn.conf")
        #expect(conf.contains("listen 127.0.0.1:18443 ssl http2;"))
        #expect(conf.contains("root \(province.root)/srv-12320_a/www.jsnj12320.cn/current;"))

        try Data(NginxServer.mainConfiguration(including: province.root + "/dist/nginx", folder: province.root).utf8)
            .write(to: URL(fileURLWithPath: province.root + "/nginx.conf"))
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        nginx.arguments = ["-t", "-p", province.root, "-c", province.root + "/nginx.conf"]
        let errors = Pipe()
        nginx.standardError = errors
        nginx.standardOutput = FileHandle.nullDevice
        try nginx.run()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        nginx.waitUntilExit()
        #expect(nginx.terminationStatus == 0, "\(report)")
        #expect(report.contains("test is successful"), "\(report)")
    }
}
