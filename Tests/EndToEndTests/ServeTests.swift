import Foundation
import Testing

/// `portal12320 serve` running on a loopback port over a copy of the sample province.
final class ServeProcess {
    let province: SampleProvinceCopy
    let port = HTTPProbe.freePort()
    let process = Process()

    /// Starts the preview and returns once it says it is serving (its first build done, its port open).
    /// - Parameter temporary: the TMPDIR the preview builds in (default: the system's).
    init(_ extra: [String] = [], temporary: String? = nil) throws {
        province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        if let temporary { process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 } }
        process.executableURL = Executable.url
        process.arguments = ["serve", "--port", String(port)] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: province.root)
        process.standardOutput = FileHandle.nullDevice
        let log = Pipe()
        process.standardError = log
        try process.run()
        // Blocking reads of its log: no polling, and a preview that dies ends the wait with end of file.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Serving on") {
            let chunk = log.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                throw HTTPProbe.ProbeError.failed("serve stopped before serving: \(String(decoding: seen, as: UTF8.self))")
            }
            seen += chunk
        }
        // Keep draining the log so the preview never blocks on a full pipe.
        log.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
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
        // Suzhou's own answer replaces the provincial one on Suzhou's site only.
        #expect(try server.get("sz.localhost", "/answers/insurance-basic/").body.contains("SUZHOU-OVERRIDE-TEXT"))
        #expect(try !server.get("nj.localhost", "/answers/insurance-basic/").body.contains("SUZHOU-OVERRIDE-TEXT"))
        #expect(try server.get("nj.localhost", "/answers/flu").status == 301)
        let missing = try server.get("nj.localhost", "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("页面未找到"))
        #expect(try server.get("sq.localhost", "/").status == 404)  // planned city: no site
        // The production output never carries the preview's reload script.
        #expect(try server.province.run(["build"]).status == 0)
        let published = try server.province.publishedFiles()
        #expect(!published.isEmpty)
        #expect(!published.values.contains { $0.contains("__portal") })
    }

    /// The preview keeps its builds in memory: it writes nothing (not in the temporary folder, not beside
    /// the content) that another user could read or that could be mistaken for `dist/`, and stops cleanly on a signal.
    @Test(arguments: [SIGTERM, SIGINT])
    func thePreviewWritesNothingAndStopsOnASignal(_ signal: Int32) throws {
        let temporary = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let server = try ServeProcess(temporary: temporary)
        let everything = { FileManager.default.subpaths(atPath: server.province.root)?.sorted() ?? [] }
        let before = everything()
        #expect(try server.get("nj.localhost", "/").status == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        #expect(everything() == before)
        kill(server.process.processIdentifier, signal)
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit)
    }
}
