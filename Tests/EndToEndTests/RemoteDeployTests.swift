import Crypto
import Foundation
import Testing

/// `deploy --city` to a city's two web servers over SSH (real sshd, ssh and
/// rsync): both prepared, then both switched; one that fails mid-upload
/// leaves both on the release they served.
struct RemoteDeployTests {
    /// The tests' province with Suzhou served by `targets`, built for Suzhou only.
    /// - Parameter served: Suzhou's own nginx settings (`root`, `listen`…), over the province's.
    private func province(targets: [(name: String, url: String)], served: [String] = []) throws -> SampleProvinceCopy {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let lines = targets.map { "          \($0.name): \($0.url)\n" }.joined()
        let settings = served.map { "      \($0)\n" }.joined()
        try province.edit("Content/portal.yml", replacing: "    abbr: sz\n", with: "    abbr: sz\n    deploy:\n\(settings)      targets:\n\(lines)")
        return province
    }

    /// Marks the theme `release: <marker>` (in every page's footer).
    private func mark(_ province: SampleProvinceCopy, _ marker: String) throws {
        try province.write("<!-- release: \(marker) -->\n" + province.read("Templates/footer.mustache").replacingOccurrences(of: "<!-- release: A -->\n", with: ""),
                           to: "Templates/footer.mustache")
    }

    private func build(_ province: SampleProvinceCopy, marker: String) throws {
        try mark(province, marker)
        let built = try province.run(["build", "--city", "sz"])
        try #require(built.status == 0, "\(built.error)")
    }

    private func current(_ root: String) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/www.jssz12320.cn/current")
    }

    @Test func aCitysTwoServersGetTheSameReleaseAndRollBackTogether() throws {
        let web1 = try SSHServer()
        let web2 = try SSHServer()
        let roots = [web1.folder + "/srv", web2.folder + "/srv"]
        // One ssh configuration for both: each server's client key and host key.
        let config = web1.folder + "/both_config"
        try SSHServer.writeClientConfig(for: [web1, web2], to: config)
        // Suzhou is served from web1's folder (see the nginx files below) over plain HTTP on a test port.
        let port = HTTPProbe.freePort()
        let province = try province(targets: [("web1", "ssh://\(web1.authority)\(roots[0])"), ("web2", "ssh://\(web2.authority)\(roots[1])")],
                                    served: ["root: \(roots[0])", "listen: \"127.0.0.1:\(port)\"", "tls: off"])
        try build(province, marker: "A")
        // A file in the build output that no manifest lists is never uploaded.
        try province.write("<p>not built</p>\n", to: "dist/www.jssz12320.cn/stray.html")

        let first = try province.run(["deploy", "--city", "sz", "--ssh-config", config])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("www.jssz12320.cn on web1: deployed"), "\(first.output)")
        #expect(first.output.contains("www.jssz12320.cn on web2: deployed"))
        let releaseA = try current(roots[0])
        #expect(try current(roots[1]) == releaseA)
        for root in roots {
            try ReleaseFolder.expectComplete("\(root)/www.jssz12320.cn/current", marker: "A")
            #expect(!FileManager.default.fileExists(atPath: "\(root)/www.jssz12320.cn/current/stray.html"))
        }
        // Each server's nginx with the generated file; web2's is the same file as its own machine would hold it
        // (on one test machine the two servers need two folders and two ports).
        let generated = try String(contentsOfFile: province.root + "/dist/nginx/www.jssz12320.cn.conf", encoding: .utf8)
        let port2 = HTTPProbe.freePort()
        var servers: [NginxServer] = []
        for (index, conf) in [generated, generated.replacingOccurrences(of: roots[0], with: roots[1])
                                .replacingOccurrences(of: "127.0.0.1:\(port)", with: "127.0.0.1:\(port2)")].enumerated() {
            let folder = province.root + "/web\(index + 1)-nginx"
            try FileManager.default.createDirectory(atPath: folder + "/sites", withIntermediateDirectories: true)
            try conf.write(toFile: folder + "/sites/www.jssz12320.cn.conf", atomically: true, encoding: .utf8)
            servers.append(try NginxServer(configurations: folder + "/sites", port: index == 0 ? port : port2, folder: folder))
        }
        /// What each server's nginx serves as Suzhou's home page.
        let served = { () throws -> [String] in
            try servers.map { try HTTPProbe.get(port: $0.port, host: "www.jssz12320.cn", path: "/").body }
        }
        let releaseMarker = { (page: String) in page.contains("release: A") ? "A" : page.contains("release: B") ? "B" : "?" }
        #expect(try served().map(releaseMarker) == ["A", "A"])
        // Only Suzhou: no other site went to its servers.
        #expect(try FileManager.default.contentsOfDirectory(atPath: roots[0]) == ["www.jssz12320.cn"])

        // One command builds Suzhou and deploys it.
        try mark(province, "B")
        let second = try province.run(["deploy", "--city", "sz", "--build", "--ssh-config", config])
        #expect(second.status == 0, "\(second.error)")
        let releaseB = try current(roots[0])
        #expect(releaseB != releaseA)
        #expect(try current(roots[1]) == releaseB)
        for root in roots { try ReleaseFolder.expectComplete("\(root)/www.jssz12320.cn/current", marker: "B") }
        #expect(try served().map(releaseMarker) == ["B", "B"])
        // Unchanged files are hard links to the previous release's, not new copies.
        var old = stat(), new = stat()
        #expect(stat("\(roots[0])/www.jssz12320.cn/\(releaseA)/robots.txt", &old) == 0)
        #expect(stat("\(roots[0])/www.jssz12320.cn/\(releaseB)/robots.txt", &new) == 0)
        #expect(old.st_ino == new.st_ino)

        let listed = try province.run(["releases", "--city", "sz", "--ssh-config", config])
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.contains("www.jssz12320.cn on web2: 2 releases"), "\(listed.output)")
        let idA = (releaseA as NSString).lastPathComponent
        let idB = (releaseB as NSString).lastPathComponent
        #expect(listed.output.contains("* \(idB)"))

        let back = try province.run(["rollback", "--city", "sz", "--to-release", idA, "--ssh-config", config])
        #expect(back.status == 0, "\(back.error)")
        for root in roots { #expect(try current(root) == "releases/\(idA)") }
        #expect(try served().map(releaseMarker) == ["A", "A"])
        // The newer content deployed again: switched back to, not uploaded again.
        let again = try province.run(["deploy", "--city", "sz", "--ssh-config", config])
        #expect(again.output.contains("it is current again"), "\(again.output)")
        for root in roots {
            #expect(try current(root) == "releases/\(idB)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/www.jssz12320.cn/releases").count == 2)
        }
    }

    /// The second server's disk takes no file over one block, so its upload breaks off part-way: the first,
    /// already prepared, is not switched, and its prepared release is removed.
    @Test func aServerThatFailsMidUploadLeavesBothOnTheOldRelease() throws {
        let web1 = try SSHServer()
        let web2 = try SSHServer(forceCommand: """
            #!/bin/sh
            case "$SSH_ORIGINAL_COMMAND" in
              rsync*) ulimit -f 1; exec /bin/sh -c "$SSH_ORIGINAL_COMMAND" ;;
              *) exec /bin/sh -c "$SSH_ORIGINAL_COMMAND" ;;
            esac

            """)
        let roots = [web1.folder + "/srv", web2.folder + "/srv"]
        let config = web1.folder + "/both_config"
        try SSHServer.writeClientConfig(for: [web1, web2], to: config)
        // web2 starts out holding release A, put there as a folder target (its ssh breaks every upload).
        let seed = try province(targets: [("web1", "ssh://\(web1.authority)\(roots[0])"), ("web2", "file://\(roots[1])")])
        try build(seed, marker: "A")
        #expect(try seed.run(["deploy", "--city", "sz", "--ssh-config", config]).status == 0)
        let releaseA = try current(roots[0])
        #expect(try current(roots[1]) == releaseA)

        let province = try province(targets: [("web1", "ssh://\(web1.authority)\(roots[0])"), ("web2", "ssh://\(web2.authority)\(roots[1])")])
        try build(province, marker: "B")
        let failed = try province.run(["deploy", "--city", "sz", "--ssh-config", config])
        #expect(failed.status == 1)
        #expect(failed.error.contains("web2"), "\(failed.error)")
        #expect(failed.error.contains("the upload failed"), "\(failed.error)")
        for root in roots {
            #expect(try current(root) == releaseA)
            try ReleaseFolder.expectComplete("\(root)/www.jssz12320.cn/current", marker: "A")
            let releases = try FileManager.default.contentsOfDirectory(atPath: "\(root)/www.jssz12320.cn/releases")
            #expect(releases == [(releaseA as NSString).lastPathComponent], "\(root): \(releases)")
        }
    }

    /// A server without `sha256sum`: nothing can be verified there, so nothing is switched (never "no mismatch found").
    @Test func aServerThatCannotCheckTheFilesIsNotSwitched() throws {
        let tools = try Executable.temporaryFolder()
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        for tool in ["sh", "readlink", "find", "cat", "mkdir", "rm", "mv", "ln", "test", "rsync", "ls"] {
            for folder in ["/usr/bin", "/bin"] where FileManager.default.fileExists(atPath: "\(folder)/\(tool)") {
                try? FileManager.default.createSymbolicLink(atPath: "\(tools)/\(tool)", withDestinationPath: "\(folder)/\(tool)")
            }
        }
        let web = try SSHServer(forceCommand: "#!/bin/sh\nPATH=\(tools) exec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\"\n")
        let root = web.folder + "/srv"
        let province = try province(targets: [("web1", "ssh://\(web.authority)\(root)")])
        try build(province, marker: "A")
        let failed = try province.run(["deploy", "--city", "sz", "--ssh-config", web.clientConfig])
        #expect(failed.status == 1)
        #expect(failed.error.contains("the files could not be checked on the server"), "\(failed.error)")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/www.jssz12320.cn/current"))
    }

    /// An address that could smuggle an option or a command is refused when portal.yml is read.
    @Test(arguments: ["ssh://-oProxyCommand=x@h/srv", "ssh://deploy@h;rm/srv", "ssh://deploy@web1/srv/'x'", "ssh://deploy@web1:0/srv",
                      "ssh://deploy@web1", "ftp://web1/srv", "file://relative/path", "ssh://deploy@web1/srv/$(id)", "ssh://de ploy@web1/srv",
                      "ssh://-web1/srv", "ssh://deploy@web1/srv/../etc"])
    func aTargetAddressOutsideItsGrammarIsRefused(_ url: String) throws {
        let province = try province(targets: [("web1", url)])
        let checked = try province.run(["check"])
        #expect(checked.status == 1)
        #expect(checked.error.contains("The target `web1`"), "\(checked.error)")
    }
}
