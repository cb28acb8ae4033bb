import Content
import Diagnostics
import Foundation
import Hummingbird
import Site
import Synchronization

/// `portal12320 serve`: the built sites on 127.0.0.1 for editors, rebuilt when
/// the content or the theme changes, with the open page reloaded. The reload
/// script is added to responses here, so production output never carries it.
package struct PreviewServer: Sendable {
    package let contentDirectory: String
    package let templatesDirectory: String
    package let port: Int
    package let previewUnreviewed: Bool

    package init(contentDirectory: String, templatesDirectory: String, port: Int, previewUnreviewed: Bool) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.port = port
        self.previewUnreviewed = previewUnreviewed
    }

    static let reloadScript = """
        (function () {
          var source = new EventSource('/__portal/events');
          source.addEventListener('reload', function () { window.location.reload(); });
        })();

        """

    /// Builds once, then serves until cancelled or stopped by SIGINT or SIGTERM.
    /// Builds go to a private temporary folder (see ``PreviewFolder``), never
    /// `dist/`, removed when this returns.
    /// - Parameter log: receives one line per event (build results, errors).
    package func run(log: @escaping @Sendable (String) -> Void) async throws {
        let folder = try PreviewFolder.create()
        defer { folder.remove() }
        let output = folder.path + "/sites"
        let generation = BuildGeneration()
        guard let province = await rebuild(into: output, log: log) else {
            throw PreviewError(message: "The first build failed; fix the problems above and start again.")
        }
        let site = PreviewSite(output: output, province: province)
        let router = Router()
        router.get("/__portal/reload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.reloadScript)))
        }
        router.get("/__portal/events") { _, _ in
            let start = generation.value.load(ordering: .relaxed)
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: .init { writer in
                                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                                var beats = 0
                                while generation.value.load(ordering: .relaxed) == start {
                                    try await Task.sleep(for: .milliseconds(200))
                                    beats += 1
                                    if beats % 75 == 0 { try await writer.write(ByteBuffer(string: ": ping\n\n")) }
                                }
                                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation.value.load(ordering: .relaxed))\n\n"))
                                try await writer.finish(nil)
                            })
        }
        router.get("/") { request, _ in Self.respond(to: request, site: site) }
        router.get("/**") { request, _ in Self.respond(to: request, site: site) }

        let watcher = ChangeWatcher(folders: [contentDirectory, templatesDirectory])
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { _ in log("Serving on http://localhost:\(port)/ (hub) and http://<abbr>.localhost:\(port)/ (cities).") })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                var last = watcher.signature()
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(500))
                    let now = watcher.signature()
                    guard now != last else { continue }
                    last = now
                    if await rebuild(into: output, log: log) != nil { generation.value.add(1, ordering: .relaxed) }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds into the preview folder; on failure the previous build stays served.
    private func rebuild(into output: String, log: @Sendable (String) -> Void) async -> Province? {
        let start = ContinuousClock.now
        do {
            let content = try ContentLoader.load(directory: contentDirectory)
            let report = try await SiteBuild(content: content, templatesDirectory: templatesDirectory, outputDirectory: output,
                                             previewUnreviewed: previewUnreviewed).run()
            log("Built \(report.pages) pages in \(ContinuousClock.now - start)\(previewUnreviewed ? " (unreviewed answers shown with a banner)" : "").")
            return content.province
        } catch {
            log(String(describing: error))
            return nil
        }
    }

    private static func respond(to request: Request, site: PreviewSite) -> Response {
        let host = request.head.authority ?? "localhost"
        switch site.resolve(host: host, path: request.uri.path) {
        case .badRequest:
            return text(.badRequest, "Bad request: the path leaves the site.")
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound(let root):
            guard let root, let page = FileManager.default.contents(atPath: root + "/404.html") else {
                return text(.notFound, "No site for host \(host). Use localhost for the hub or <abbr>.localhost for a city.")
            }
            return html(.notFound, page)
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return text(.notFound, "Not found.") }
            if file.hasSuffix(".html") { return html(.ok, data) }
            return Response(status: .ok, headers: [.contentType: PreviewSite.contentType(of: file), .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// An HTML page with the preview's reload script added before `</body>`.
    private static func html(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        var page = String(decoding: data, as: UTF8.self)
        let script = "<script src=\"/__portal/reload.js\"></script>\n"
        if let end = page.range(of: "</body>", options: .backwards) { page.insert(contentsOf: script, at: end.lowerBound) } else { page += script }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

/// Counts successful rebuilds; open pages reload when it moves.
final class BuildGeneration: Sendable {
    let value = Atomic<Int>(0)
}

/// The preview cannot start.
package struct PreviewError: Diagnostic {
    package let message: String
    package var location: SourceLocation? { nil }
}
