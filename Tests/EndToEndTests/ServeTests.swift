import Foundation
import Synchronization
import Testing

/// `portal12320 serve` running on a loopback port over a copy of the sample province.
final class ServeProcess {
    let province: SampleProvinceCopy
    let port = HTTPProbe.freePort()
    let process = Process()

    /// - Parameter temporary: the TMPDIR the preview builds in (default: the system's).
    init(_ extra: [String] = [], temporary: String? = nil) throws {
        province = try SampleProvinceCopy()
        if let temporary { process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 } }
        process.executableURL = Executable.url
        process.arguments = ["serve", "--port", String(port)] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: province.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if (try? HTTPProbe.get(port: port, host: "localhost", path: "/"))?.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw HTTPProbe.ProbeError.failed("serve did not start")
    }

    func get(_ host: String, _ path: String) throws -> HTTPProbe.Response {
        try HTTPProbe.get(port: port, host: "\(host):\(port)", path: path)
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}

struct ServeTests {
    @Test func eachCityIsServedOnItsOwnHostName() throws {
        let server = try ServeProcess()
        let hub = try server.get("localhost", "/")
        #expect(hub.status == 200)
        #expect(hub.body.contains("各市12320网站"))
        #expect(hub.body.contains("<script src=\"/__portal/reload.js\"></script>"))
        #expect(try server.get("nj.localhost", "/").body.contains("<h1>南京市12320卫生热线</h1>"))
        #expect(try server.get("sz.localhost", "/answers/blood-donation-benefit/").body.contains("苏州市的无偿献血者"))
        #expect(try server.get("nj.localhost", "/answers/flu-vaccine").status == 301)
        let missing = try server.get("nj.localhost", "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("页面未找到"))
        #expect(try server.get("lyg.localhost", "/").status == 404)  // planned city: no site
        // The production output never carries the preview's reload script.
        #expect(try server.province.run(["build"]).status == 0)
        let published = try server.province.publishedFiles()
        #expect(!published.isEmpty)
        #expect(!published.values.contains { $0.contains("__portal") })
    }

    @Test(arguments: ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2f..%2fetc%2fpasswd",
                      "/answers/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd", "/assets/..%5c..%5c..%5cetc%5cpasswd", "/%252e%252e/etc/passwd"])
    func pathTraversalIsRefused(_ path: String) throws {
        let server = try ServeProcess()
        let response = try server.get("nj.localhost", path)
        #expect(response.status == 400 || response.status == 404, "\(path) → \(response.status)")
        #expect(!response.body.contains("root:"))
    }

    /// The same escapes aimed at a file that certainly exists beside the preview: the content's portal.yml.
    @Test(arguments: ["/../../../../../../../..", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e", "/answers/..%2f..%2f..%2f..%2f..%2f..%2f..%2f.."])
    func pathTraversalCannotReachAnExistingFileOutsideTheSite(_ prefix: String) throws {
        let server = try ServeProcess()
        let target = server.province.root + "/Content/portal.yml"
        #expect(FileManager.default.fileExists(atPath: target))
        let path = prefix.contains("%2f") ? prefix + target.replacingOccurrences(of: "/", with: "%2f") : prefix + target
        let response = try server.get("nj.localhost", path)
        #expect(response.status == 400 || response.status == 404, "\(path) → \(response.status)")
        #expect(!response.body.contains("domain_pattern"))
    }

    /// A browser waiting for the preview's reload event: what it received, once it did.
    final class ReloadListener: Sendable {
        let event = Mutex<String?>(nil)

        init(_ server: ServeProcess) {
            let port = server.port
            let listener = Thread { [self] in
                let response = try? HTTPProbe.get(port: port, host: "nj.localhost:\(port)", path: "/__portal/events", timeout: 60)
                event.withLock { $0 = response?.body ?? "" }
            }
            listener.start()
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    @Test func editingAnAnswerRebuildsAndReloadsThePreview() throws {
        let server = try ServeProcess(["--preview-unreviewed"])
        #expect(try server.get("nj.localhost", "/answers/flu-vaccine/").body.contains("建议<strong>每年接种一次</strong>"))
        // A browser waiting for the reload event.
        let reload = ReloadListener(server)
        let file = "Content/answers/province/flu-vaccine.md"
        try server.province.write(try server.province.read(file).replacingOccurrences(of: "建议**每年接种一次**", with: "EDITED-MARKER 建议每年接种"), to: file)
        var page = ""
        for _ in 0..<300 where !page.contains("EDITED-MARKER") {
            Thread.sleep(forTimeInterval: 0.2)
            page = try server.get("nj.localhost", "/answers/flu-vaccine/").body
        }
        #expect(page.contains("EDITED-MARKER"))
        // The edit is unreviewed: shown in preview only, with the banner.
        #expect(page.contains("本答复尚未通过审核"))
        for _ in 0..<300 where reload.event.withLock({ $0 }) == nil { Thread.sleep(forTimeInterval: 0.1) }
        #expect(reload.event.withLock { $0 }?.contains("event: reload") == true)
    }

    @Test func withoutThePreviewFlagAnEditedAnswerKeepsItsApprovedText() throws {
        let server = try ServeProcess()
        #expect(try server.get("nj.localhost", "/answers/flu-vaccine/").status == 200)
        // Wait for the rebuild's reload event, then look: the approved revision stays, the edit is not shown.
        let reload = ReloadListener(server)
        let file = "Content/answers/province/flu-vaccine.md"
        try server.province.write(try server.province.read(file) + "\nUNREVIEWED-EDIT 编辑后尚未审核。\n", to: file)
        for _ in 0..<300 where reload.event.withLock({ $0 }) == nil { Thread.sleep(forTimeInterval: 0.1) }
        #expect(reload.event.withLock { $0 }?.contains("event: reload") == true)
        let page = try server.get("nj.localhost", "/answers/flu-vaccine/")
        #expect(page.status == 200)
        #expect(page.body.contains("建议<strong>每年接种一次</strong>"))
        #expect(!page.body.contains("UNREVIEWED-EDIT"))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func previewBuildsArePrivateAndRemovedWhenServeStops(_ signal: Int32) throws {
        let temporary = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        // A preview killed before it could clean up: the next one removes its folder.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = "\(temporary)/portal12320-preview-\(finished.processIdentifier)-abcdef"
        try FileManager.default.createDirectory(atPath: abandoned + "/sites", withIntermediateDirectories: true)

        let server = try ServeProcess(temporary: temporary)
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(folders.count == 1)
        let folder = try #require(folders.first)
        #expect(folder.hasPrefix("portal12320-preview-\(server.process.processIdentifier)-"))
        let mode = try FileManager.default.attributesOfItem(atPath: "\(temporary)/\(folder)")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)

        kill(server.process.processIdentifier, signal)
        server.process.waitUntilExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
