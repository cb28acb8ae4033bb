import Crypto
import Foundation
import Synchronization
import Testing

/// The sample province built for a deploy root inside a temporary folder, with
/// nginx listening on a loopback port.
final class DeployBench {
    let province: SampleProvinceCopy
    let port = HTTPProbe.freePort()
    var srv: String { province.root + "/srv" }

    init() throws {
        province = try SampleProvinceCopy()
        let portal = try province.read("Content/portal.yml")
            .replacingOccurrences(of: "  root: /srv/12320", with: "  root: \(province.root)/srv")
            .replacingOccurrences(of: "  listen: \"80\"", with: "  listen: \"127.0.0.1:\(port)\"")
        try province.write(portal, to: "Content/portal.yml")
    }

    /// Builds with the theme marked `release: <marker>` in header and footer.
    func build(marker: String, output: String = "dist") throws {
        let templates = "Templates-\(marker)"
        if !FileManager.default.fileExists(atPath: "\(province.root)/\(templates)") {
            try FileManager.default.copyItem(atPath: "\(province.root)/Templates", toPath: "\(province.root)/\(templates)")
            for partial in ["header", "footer"] {
                let path = "\(templates)/\(partial).mustache"
                try province.write("<!-- release: \(marker) -->\n" + province.read(path), to: path)
            }
        }
        let result = try province.run(["build", "--templates", templates, "--output", output])
        try #require(result.status == 0, "\(result.error)")
    }

    func deploy(_ extra: [String] = []) throws -> Executable.Result {
        try province.run(["deploy", "--to", srv] + extra)
    }

    func current(_ domain: String) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "\(srv)/\(domain)/current")
    }
}

struct DeployTests {
    @Test func nginxServesEachSiteByHostWithRedirectsErrorsAndHeaders() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy().status == 0)
        let nginx = try NginxServer(configurations: bench.province.root + "/dist/nginx", port: bench.port, folder: bench.province.root)

        let nanjing = try HTTPProbe.get(port: nginx.port, host: "www.jsnj12320.cn", path: "/")
        #expect(nanjing.status == 200)
        #expect(nanjing.body.contains("<h1>南京市12320卫生热线</h1>"))
        #expect(try HTTPProbe.get(port: nginx.port, host: "www.jssz12320.cn", path: "/").body.contains("<h1>苏州市12320卫生热线</h1>"))
        #expect(try HTTPProbe.get(port: nginx.port, host: "www.js12320.cn", path: "/").body.contains("各市12320网站"))
        let answer = try HTTPProbe.get(port: nginx.port, host: "www.jsnj12320.cn", path: "/answers/flu-vaccine/")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "text/html; charset=utf-8")

        let bare = try HTTPProbe.get(port: nginx.port, host: "jsnj12320.cn", path: "/answers/flu-vaccine/")
        #expect(bare.status == 301)
        #expect(bare.headers["location"] == "http://www.jsnj12320.cn/answers/flu-vaccine/")

        let missing = try HTTPProbe.get(port: nginx.port, host: "www.jsnj12320.cn", path: "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1>页面未找到</h1>"))

        #expect(nanjing.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(nanjing.headers["x-content-type-options"] == "nosniff")
        #expect(nanjing.headers["referrer-policy"] == "strict-origin-when-cross-origin")
        #expect(nanjing.headers["cache-control"] == "no-cache")
        #expect(missing.headers["content-security-policy"] != nil)

        let stylesheet = try #require(nanjing.body.firstMatch(of: /href="(\/assets\/style\.[0-9a-f]{10}\.css)"/)?.1)
        let css = try HTTPProbe.get(port: nginx.port, host: "www.jsnj12320.cn", path: String(stylesheet), headers: ["Accept-Encoding": "gzip"])
        #expect(css.status == 200)
        #expect(css.headers["cache-control"] == "public, max-age=31536000, immutable")
        #expect(css.headers["content-encoding"] == "gzip")
        #expect(css.headers["content-security-policy"] != nil)
        // Inline script would break the Content-Security-Policy: pages have none.
        #expect(!nanjing.body.contains("<script>") && !nanjing.body.contains(" style=\""))
    }

    /// 长者模式 without JavaScript: nginx marks the page from `?mode=` or the
    /// cookie it set, on every kind of page, and leaves assets alone.
    /// Nanjing served over TLS with its own settings (a certificate made here): HTTPS answers with HSTS
    /// and without the manifest, plain HTTP redirects, pages name their https:// address; the other sites stay on HTTP.
    @Test func aCityWithTLSIsServedOverHTTPSAndRedirectsPlainHTTP() throws {
        let bench = try DeployBench()
        let tlsPort = HTTPProbe.freePort()
        let certificate = bench.province.root + "/tls"
        try FileManager.default.createDirectory(atPath: certificate, withIntermediateDirectories: true)
        try #require(Executable.spawn(["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=www.jsnj12320.cn",
                                    "-keyout", "\(certificate)/www.jsnj12320.cn.key", "-out", "\(certificate)/www.jsnj12320.cn.crt"]) == 0)
        try bench.province.edit("Content/portal.yml", replacing: "    abbr: nj\n", with: """
                abbr: nj
                deploy:
                  listen_tls: "127.0.0.1:\(tlsPort) ssl"
                  tls_certificate: \(certificate)/{domain}.crt
                  tls_certificate_key: \(certificate)/{domain}.key

            """)
        try bench.build(marker: "A")
        #expect(try bench.deploy().status == 0)
        let nginx = try NginxServer(configurations: bench.province.root + "/dist/nginx", port: bench.port, folder: bench.province.root)

        let redirect = try HTTPProbe.get(port: nginx.port, host: "www.jsnj12320.cn", path: "/answers/flu-vaccine/")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "https://www.jsnj12320.cn/answers/flu-vaccine/")
        let page = try curl(["https://www.jsnj12320.cn:\(tlsPort)/answers/flu-vaccine/"], port: tlsPort)
        #expect(page.contains("HTTP/2 200") || page.contains("HTTP/1.1 200"), "\(page.prefix(300))")
        #expect(page.lowercased().contains("strict-transport-security: max-age=31536000"))
        #expect(page.lowercased().contains("server: nginx\r\n"), "the version is shown")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://www.jsnj12320.cn/answers/flu-vaccine/\">"))
        #expect(try curl(["https://www.jsnj12320.cn:\(tlsPort)/release-manifest.json"], port: tlsPort).contains(" 404"))
        // Suzhou has no TLS: served over HTTP, linked as http:// from Nanjing.
        #expect(try HTTPProbe.get(port: nginx.port, host: "www.jssz12320.cn", path: "/").status == 200)
        #expect(page.contains("href=\"http://www.jssz12320.cn/\""))
    }

    /// `curl -k -i` against the loopback TLS port, the site's name resolved there.
    private func curl(_ arguments: [String], port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "-k", "-i", "--max-time", "10", "--resolve", "www.jsnj12320.cn:\(port):127.0.0.1"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func nginxAppliesTheElderModeWithoutJavaScript() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy().status == 0)
        let nginx = try NginxServer(configurations: bench.province.root + "/dist/nginx", port: bench.port, folder: bench.province.root)
        let host = "www.jsnj12320.cn"
        let plain = try HTTPProbe.get(port: nginx.port, host: host, path: "/answers/flu-vaccine/")
        #expect(plain.body.contains("<html lang=\"zh-CN\" data-mode=\"standard\">"))
        #expect(plain.headers["set-cookie"] == nil)
        #expect(plain.headers["vary"]?.contains("Cookie") == true)

        let chosen = try HTTPProbe.get(port: nginx.port, host: host, path: "/answers/flu-vaccine/?mode=elder")
        #expect(chosen.status == 200)
        #expect(chosen.body.contains("<html lang=\"zh-CN\" data-mode=\"elder\">"))
        let cookie = try #require(chosen.headers["set-cookie"])
        #expect(cookie.hasPrefix("portal_mode=elder;") && cookie.contains("Path=/"))
        // The next page, with the cookie the browser keeps: still elder, on the hub's other pages and the 404 page too.
        for path in ["/", "/categories/vaccination/", "/privacy/", "/no/such/page/"] {
            let next = try HTTPProbe.get(port: nginx.port, host: host, path: path, headers: ["Cookie": "portal_mode=elder"])
            #expect(next.body.contains("data-mode=\"elder\""), "\(path)")
        }
        let back = try HTTPProbe.get(port: nginx.port, host: host, path: "/?mode=standard", headers: ["Cookie": "portal_mode=elder"])
        #expect(back.body.contains("data-mode=\"standard\""))
        #expect(back.headers["set-cookie"]?.hasPrefix("portal_mode=standard;") == true)
        // Anything else in the query or the cookie is no mode.
        let odd = try HTTPProbe.get(port: nginx.port, host: host, path: "/?mode=%22%3E%3Cscript%3E", headers: ["Cookie": "portal_mode=\"><script>"])
        #expect(odd.body.contains("data-mode=\"standard\"") && !odd.body.contains("<script>") && odd.headers["set-cookie"] == nil)
        // Assets are served as built: their bytes match the manifest.
        let script = try #require(plain.body.firstMatch(of: /src="(\/assets\/mode\.[0-9a-f]{10}\.js)"/)?.1)
        let asset = try HTTPProbe.get(port: nginx.port, host: host, path: String(script), headers: ["Cookie": "portal_mode=elder"])
        #expect(asset.status == 200 && asset.headers["set-cookie"] == nil && !asset.body.contains("data-mode=\"elder\""))
    }

    @Test func twentyDeploysUnderLoadServeNoErrorAndNoMixedPage() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A", output: "dist-a")
        try bench.build(marker: "B", output: "dist-b")
        #expect(try bench.province.run(["deploy", "--dist", "dist-a", "--to", bench.srv]).status == 0)
        let nginx = try NginxServer(configurations: bench.province.root + "/dist-a/nginx", port: bench.port, folder: bench.province.root)

        let problems = Mutex<[String]>([])
        let requests = Atomic<Int>(0)
        let running = Atomic<Bool>(true)
        let port = nginx.port
        let finished = DispatchSemaphore(value: 0)
        let loop = Thread {
            defer { finished.signal() }
            let paths = ["/", "/answers/flu-vaccine/", "/categories/vaccination/", "/no/such/page/"]
            let deadline = Date().addingTimeInterval(120)  // bounded even if the deploys hang
            var index = 0
            while running.load(ordering: .relaxed) && Date() < deadline {
                let path = paths[index % paths.count]
                index += 1
                do {
                    let response = try HTTPProbe.get(port: port, host: "www.jsnj12320.cn", path: path)
                    let expected = path == "/no/such/page/" ? 404 : 200
                    let a = response.body.components(separatedBy: "release: A").count - 1
                    let b = response.body.components(separatedBy: "release: B").count - 1
                    if response.status != expected || !((a == 2 && b == 0) || (a == 0 && b == 2)) {
                        problems.withLock { $0.append("\(path): status \(response.status), markers A×\(a) B×\(b)") }
                    }
                } catch {
                    problems.withLock { $0.append("\(path): \(error)") }
                }
                requests.add(1, ordering: .relaxed)
            }
        }
        loop.start()
        var releases = Set<String>()
        var previous = try bench.current("www.jsnj12320.cn")
        for round in 0..<20 {
            let result = try bench.province.run(["deploy", "--dist", round % 2 == 0 ? "dist-b" : "dist-a", "--to", bench.srv, "--keep", "3"])
            #expect(result.status == 0, "\(result.error)")
            let now = try bench.current("www.jsnj12320.cn")
            #expect(now != previous, "round \(round) did not switch")
            previous = now
            releases.insert(now)
        }
        running.store(false, ordering: .relaxed)
        finished.wait()
        // Two contents, two releases: a content already kept is switched back to, never copied again.
        #expect(releases.count == 2)
        #expect(requests.load(ordering: .relaxed) > 100)
        #expect(problems.withLock { $0 }.isEmpty, "\(problems.withLock { $0.prefix(5) })")
        let kept = try FileManager.default.contentsOfDirectory(atPath: "\(bench.srv)/www.jsnj12320.cn/releases")
        #expect(kept.sorted() == releases.map { $0.replacingOccurrences(of: "releases/", with: "") }.sorted())
    }

    @Test func deployRejectsACorruptedFileAndKeepsCurrent() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let before = try bench.current("www.jsnj12320.cn")
        try bench.build(marker: "B")
        let page = bench.province.root + "/dist/www.jsnj12320.cn/answers/flu-vaccine/index.html"
        try Data((try String(contentsOfFile: page, encoding: .utf8) + "tampered").utf8).write(to: URL(fileURLWithPath: page))
        let result = try bench.deploy(["--city", "nj"])
        #expect(result.status == 1)
        #expect(result.error.contains("answers/flu-vaccine/index.html does not match the manifest"))
        #expect(try bench.current("www.jsnj12320.cn") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(bench.srv)/www.jsnj12320.cn/releases")
        #expect(leftovers.count == 1)
    }

    @Test func citiesAreFoundByAbbreviationWhateverTheDomainPattern() throws {
        let bench = try DeployBench()
        let portal = try bench.province.read("Content/portal.yml")
            .replacingOccurrences(of: "domain_pattern: www.js{abbr}12320.cn", with: "domain_pattern: \"{abbr}.12320.example.cn\"")
        try bench.province.write(portal, to: "Content/portal.yml")
        try bench.build(marker: "A")
        let deployed = try bench.deploy(["--city", "nj"])
        #expect(deployed.status == 0, "\(deployed.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bench.srv) == ["nj.12320.example.cn"])
        #expect(try bench.current("nj.12320.example.cn").isEmpty == false)
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj"]).error.contains("nothing to roll back to"))

        let unknown = try bench.deploy(["--city", "xx"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("No site for city 'xx'"))
        #expect(unknown.error.contains("nj, "))
    }

    @Test func rollbackSwitchesToThePreviousRelease() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let first = try bench.current("www.jsnj12320.cn")
        try bench.build(marker: "B")
        let second = try bench.deploy(["--city", "nj"])
        #expect(second.output.contains("unchanged and linked"))
        #expect(try bench.current("www.jsnj12320.cn") != first)
        let rollback = try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj"])
        #expect(rollback.status == 0, "\(rollback.error)")
        #expect(try bench.current("www.jsnj12320.cn") == first)
        let served = try String(contentsOfFile: "\(bench.srv)/www.jsnj12320.cn/current/index.html", encoding: .utf8)
        #expect(served.contains("release: A"))
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj"]).status == 1)

        // Forward again to any kept release, by its id; the same content deployed again makes no new release.
        let latest = (second.output.split(separator: " ").first { $0.hasPrefix("2") && $0.contains("T") }).map(String.init)
        let id = try #require(latest)
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj", "--to-release", id]).status == 0)
        #expect(try bench.current("www.jsnj12320.cn") == "releases/\(id)")
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj", "--to-release", "20990101T000000Z-0"]).status == 1)
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj", "--to-release", first.replacingOccurrences(of: "releases/", with: "")]).status == 0)
        let again = try bench.deploy(["--city", "nj"])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("it is current again (no new release)"), "\(again.output)")
        #expect(try bench.current("www.jsnj12320.cn") == "releases/\(id)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(bench.srv)/www.jsnj12320.cn/releases").count == 2)
        let listed = try bench.province.run(["releases", "--to", bench.srv, "--city", "nj"])
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.contains("* \(id)"), "\(listed.output)")
        #expect(listed.output.contains("(current)"))
    }

    /// Only a release that is still what its manifest says goes online again, and only a folder of the releases is one.
    @Test func aRollbackRefusesAChangedReleaseAndIgnoresALinkedOne() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let first = try bench.current("www.jsnj12320.cn")
        try bench.build(marker: "B")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let releases = "\(bench.srv)/www.jsnj12320.cn/releases"
        let old = "\(bench.srv)/www.jsnj12320.cn/\(first)/index.html"
        try Data(try String(contentsOfFile: old, encoding: .utf8).replacingOccurrences(of: "release: A", with: "DEFACED").utf8)
            .write(to: URL(fileURLWithPath: old))
        let refused = try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("was changed on the server (/index.html)"), "\(refused.error)")
        #expect(try bench.current("www.jsnj12320.cn") != first)

        // A link among the releases, to a copy elsewhere: not listed, not switched to.
        let foreign = bench.province.root + "/foreign"
        try FileManager.default.copyItem(atPath: "\(bench.srv)/www.jsnj12320.cn/\(first)", toPath: foreign)
        try FileManager.default.createSymbolicLink(atPath: "\(releases)/20991231T000000Z-ffffffffff", withDestinationPath: foreign)
        let listed = try bench.province.run(["releases", "--to", bench.srv, "--city", "nj"])
        #expect(!listed.output.contains("20991231T000000Z"), "\(listed.output)")
        #expect(try bench.province.run(["rollback", "--to", bench.srv, "--city", "nj", "--to-release", "20991231T000000Z-ffffffffff"]).status == 1)
    }

    /// Two folder targets of one city; the second cannot be switched (its `current` is a folder):
    /// the message says which target already serves the new release.
    @Test func aSwitchThatFailsOnOneTargetSaysWhichTargetsAreSwitched() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let roots = [province.root + "/web1", province.root + "/web2"]
        try province.edit("Content/portal.yml", replacing: "    abbr: sz\n",
                          with: "    abbr: sz\n    deploy:\n      targets:\n        web1: file://\(roots[0])\n        web2: file://\(roots[1])\n")
        #expect(try province.run(["deploy", "--city", "sz", "--build"]).status == 0)
        let current = "\(roots[1])/www.jssz12320.cn/current"
        try FileManager.default.removeItem(atPath: current)
        try FileManager.default.createDirectory(atPath: current + "/kept", withIntermediateDirectories: true)
        try province.edit("Content/answers/sz/sz-insurance.md", replacing: "苏州按本市规定报销。", with: "苏州按本市规定报销，当场结算。")
        let failed = try province.run(["deploy", "--city", "sz", "--build"])
        #expect(failed.status == 1)
        #expect(failed.error.contains("Already switched to the new release: web1"), "\(failed.error)")
        #expect(try String(contentsOfFile: "\(roots[0])/www.jssz12320.cn/current/answers/insurance-basic/index.html", encoding: .utf8)
            .contains("当场结算"))
    }

    /// A page changed on the server is not taken for the release: the next deploy names it and repairs it with a new release.
    @Test func aDefacedReleaseIsReportedAndRepaired() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let page = "\(bench.srv)/www.jsnj12320.cn/current/index.html"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "release: A", with: "DEFACED").utf8).write(to: URL(fileURLWithPath: page))
        let repaired = try bench.deploy(["--city", "nj"])
        #expect(repaired.status == 0, "\(repaired.error)")
        #expect(repaired.output.contains("had been changed on the server, now repaired:\n  /index.html"), "\(repaired.output)")
        #expect(try String(contentsOfFile: page, encoding: .utf8) == original)
        #expect(try bench.deploy(["--city", "nj"]).output.contains("unchanged"))
    }

    /// `--dry-run` changes nothing; a release that drops more pages than `--max-deletes` is refused, naming them.
    @Test func aDryRunChangesNothingAndMassDeletionsAreRefused() throws {
        let bench = try DeployBench()
        try bench.build(marker: "A")
        #expect(try bench.deploy(["--city", "nj"]).status == 0)
        let before = try bench.current("www.jsnj12320.cn")
        try bench.build(marker: "B")
        let dry = try bench.deploy(["--city", "nj", "--dry-run"])
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.contains("would upload"), "\(dry.output)")
        #expect(dry.output.contains("upload /index.html"))
        #expect(try bench.current("www.jsnj12320.cn") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(bench.srv)/www.jsnj12320.cn/releases").count == 1)

        // Every answer of Nanjing taken out of the build: more pages gone than allowed.
        for file in try FileManager.default.contentsOfDirectory(atPath: bench.province.root + "/Content/answers/nj") {
            try FileManager.default.removeItem(atPath: bench.province.root + "/Content/answers/nj/" + file)
        }
        try bench.build(marker: "B")
        let refused = try bench.deploy(["--city", "nj", "--max-deletes", "1"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("more than --max-deletes 1"), "\(refused.error)")
        #expect(try bench.current("www.jsnj12320.cn") == before)
    }

    /// A deploy killed (SIGKILL, by a failpoint, not by timing) while copying, or with the release complete but not yet
    /// switched: `current` stays on the complete previous release, and the next deploy finishes the job.
    @Test(arguments: ["deploy.copy:1", "deploy.copy:40", "deploy.before-switch"])
    func aDeployKilledAtAnyStepLeavesCurrentOnACompleteRelease(_ failpoint: String) throws {
        let bench = try DeployBench()
        try bench.build(marker: "A", output: "dist-a")
        try bench.build(marker: "B", output: "dist-b")
        #expect(try bench.deploy(["--dist", "dist-a"]).status == 0)
        let complete = try bench.current("www.jsnj12320.cn")

        let killed = try bench.province.run(["deploy", "--dist", "dist-b", "--to", bench.srv, "--city", "nj"],
                                            environment: ["PORTAL12320_FAILPOINT": failpoint])
        #expect(killed.signal == SIGKILL, "the failpoint was not reached: \(killed.error)")
        #expect(try bench.current("www.jsnj12320.cn") == complete)
        try ReleaseFolder.expectComplete("\(bench.srv)/www.jsnj12320.cn/current", marker: "A")

        let again = try bench.province.run(["deploy", "--dist", "dist-b", "--to", bench.srv, "--city", "nj"])
        #expect(again.status == 0, "\(again.error)")
        #expect(try bench.current("www.jsnj12320.cn") != complete)
        try ReleaseFolder.expectComplete("\(bench.srv)/www.jsnj12320.cn/current", marker: "B")
        let releases = try FileManager.default.contentsOfDirectory(atPath: "\(bench.srv)/www.jsnj12320.cn/releases")
        #expect(!releases.contains { $0.hasSuffix(".partial") })
    }
}
