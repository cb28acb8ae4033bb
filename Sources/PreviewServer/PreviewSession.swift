import Content
import Foundation
import HTTPTypes
import Hummingbird
import Site
import Synchronization

/// One running preview: builds the content in memory, serves what the last
/// good build made, and tells open pages to reload after each rebuild.
/// Between builds it keeps what did not change (``BuildMemory``), so a saved
/// answer costs about one file's work; pages are rendered when first asked
/// for. The reload script is added to responses here, so production output
/// never carries it.
package final class PreviewSession: Sendable {
    package let contentDirectory: String
    package let templatesDirectory: String
    package let previewUnreviewed: Bool
    let reloads = ReloadSignal()
    private let log: @Sendable (String) -> Void
    private let watcher: FolderSignature
    private let memory = BuildMemory()
    /// The content and theme as the first build read them: a save made while it ran is noticed.
    private let firstSignature: [String: FileStamp]
    /// The pages of the last good build.
    private let served: Mutex<PreviewSite>
    /// The pages served before the last rebuild, freed once the folders are quiet (or when the next rebuild starts):
    /// freed right after open pages were told to reload, they slowed the reloaded page down.
    private let retired = Mutex<PreviewSite?>(nil)
    /// Why answers are missing, and the last build's problems (see ``PreviewNotes``).
    let notes = Mutex(PreviewNotes())

    /// Builds once.
    /// - Throws: ``PreviewError`` when that first build fails (its problems go to `log`).
    package init(contentDirectory: String, templatesDirectory: String, previewUnreviewed: Bool,
                 log: @escaping @Sendable (String) -> Void) async throws(PreviewError) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.previewUnreviewed = previewUnreviewed
        self.log = log
        watcher = FolderSignature(folders: [contentDirectory, templatesDirectory])
        firstSignature = watcher.signature()
        guard case .built(let site, let notes) = await Self.build(contentDirectory, templatesDirectory, memory: memory,
                                                                     previewUnreviewed: previewUnreviewed, log: log)
        else {
            throw PreviewError(message: "The first build failed; fix the problems above and start again.")
        }
        served = Mutex(site)
        self.notes.withLock { $0 = notes }
    }

    /// The pages of the last good build.
    var site: PreviewSite { served.withLock { $0 } }

    /// Builds again; on success open pages reload, on failure the previous build stays served.
    /// - Returns: whether the build succeeded.
    /// - Parameter stamps: the content's and theme's files as examined just before (by the watch), so they are not examined again.
    @discardableResult
    package func rebuild(stamps: [String: FileStamp]? = nil) async -> Bool {
        freeRetiredPages()
        // Only for this load: a load that fails early must not leave them for the next.
        memory.answers.take(stamps ?? [:])
        defer { memory.answers.take([:]) }
        let outcome = await Self.build(contentDirectory, templatesDirectory, memory: memory, previewUnreviewed: previewUnreviewed, log: log)
        // Either way open pages reload: to the new build, or to the old one with the problems over it.
        switch outcome {
        case .built(let site, let notes):
            let previous = served.withLock { served in
                defer { served = site }
                return served
            }
            self.notes.withLock { $0 = notes }
            retired.withLock { $0 = previous }
            reloads.bump()
            return true
        case .failed(let problem):
            notes.withLock { $0.problem = problem }
            reloads.bump()
            return false
        }
    }

    /// Frees the pages served before the last rebuild, if they were not yet.
    private func freeRetiredPages() {
        let pages = retired.withLock { $0.take() }
        withExtendedLifetime(pages) {}
    }

    /// What a build gave the preview.
    private enum BuildOutcome {
        case built(PreviewSite, PreviewNotes)
        case failed(String)
    }

    /// Rebuilds whenever a file of the content or the theme changes (since the
    /// first build read them), as inotify reports it (nothing runs while nothing
    /// changes), until cancelled; polls every `interval` only where inotify is unavailable.
    package func watch(every interval: Duration = .milliseconds(500)) async throws {
        var last = firstSignature
        func poll() async throws {
            while !Task.isCancelled {
                let now = watcher.signature()
                if now != last {
                    last = now
                    await rebuild()
                } else {
                    freeRetiredPages()
                }
                try await Task.sleep(for: interval)
            }
        }
        guard let watch = try? FolderWatch(watcher.folders) else { return try await poll() }
        let changes = watch.changes()
        // What changed between the first build and the start of the watch counts too.
        var pending = true
        var iterator = changes.makeAsyncIterator()
        while !Task.isCancelled {
            var change = FolderWatch.Change.changed
            if !pending {
                // The watch ended by itself (a watch could not be added, events were lost): poll from here on.
                guard let next = await iterator.next() else { return try await poll() }
                change = next
            }
            // An editor's save is often several events (write, rename): the signature tells whether anything differs.
            // Only the paths the events named are examined again, but at the start, when a save may have come first.
            let named = watch.takeNamedPaths()
            let now = pending ? watcher.signature(expected: last.count) : watcher.updating(last, at: named)
            if now != last {
                last = now
                await rebuild(stamps: now)
            }
            // What no event named (a file edited through a hard link from outside, a folder reached twice):
            // a whole walk once the folders are quiet a moment after a change, off the editor's wait and after the
            // pages reloaded (a walk right after the reload slowed the reloaded page down); built again when it finds more.
            if change == .quiet {
                freeRetiredPages()
                let walked = watcher.signature(expected: last.count)
                if walked != last {
                    last = walked
                    await rebuild(stamps: walked)
                }
            }
            pending = false
        }
    }

    private static func build(_ contentDirectory: String, _ templatesDirectory: String, memory: BuildMemory, previewUnreviewed: Bool,
                              log: @Sendable (String) -> Void) async -> BuildOutcome {
        let start = ContinuousClock.now
        do {
            let content = try ContentLoader.load(directory: contentDirectory, cache: memory.answers)
            let pages = try await SiteBuild(content: content, templatesDirectory: templatesDirectory, outputDirectory: "",
                                            previewUnreviewed: previewUnreviewed, memory: memory).pages()
            let elapsed = ContinuousClock.now - start
            log("Built \(pages.sites.count) sites in \(elapsed.wholeMilliseconds) ms\(previewUnreviewed ? " (unreviewed answers shown with a banner)" : "").")
            return .built(PreviewSite(province: content.province, pages: PreviewPages(pages)),
                          PreviewNotes(heldBack: pages.heldBack, province: content.province))
        } catch {
            log(String(describing: error))
            return .failed(String(describing: error))
        }
    }

    static let reloadScript = """
        (function () {
          var source = new EventSource('/__portal/events');
          source.addEventListener('reload', function () { window.location.reload(); });
        })();

        """

    /// The preview's routes: the reload script, the reload events, and the sites by host name.
    package func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/__portal/reload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.reloadScript)))
        }
        router.get("/__portal/events") { [reloads] request, _ in
            // A reconnecting EventSource says which rebuild it saw last; a new one waits for the next.
            // A number past this run's builds (a page from an earlier `serve`) counts as the current one.
            let now = reloads.generation
            let seen = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap(Int.init).map { min(max($0, 0), now) } ?? now
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: .init { writer in
                                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                                while true {
                                    let next = await withTaskGroup(of: Int?.self) { group in
                                        group.addTask { await reloads.next(after: seen) }
                                        group.addTask { try? await Task.sleep(for: .seconds(15)); return nil }
                                        let first = await group.next() ?? nil
                                        group.cancelAll()
                                        return first
                                    }
                                    if let next {
                                        try await writer.write(ByteBuffer(string: "event: reload\nid: \(next)\ndata: \(next)\n\n"))
                                        break
                                    }
                                    try Task.checkCancellation()
                                    try await writer.write(ByteBuffer(string: ": ping\n\n"))
                                }
                                try await writer.finish(nil)
                            })
        }
        router.get("/") { [self] request, _ in respond(to: request) }
        router.get("/**") { [self] request, _ in respond(to: request) }
        return router
    }

    private func respond(to request: Request) -> Response {
        let host = request.head.authority ?? "localhost"
        let notes = self.notes.withLock { $0 }
        let site = self.site
        let html = { (status: HTTPResponse.Status, bytes: [UInt8]) in Self.html(status, bytes, problem: notes.problem) }
        do throws(ContentIssue) {
            switch site.resolve(host: host, path: request.uri.path) {
            case .badRequest:
                return Self.text(.badRequest, "Bad request: the path leaves the site.")
            case .redirect(let location):
                return Response(status: .movedPermanently, headers: [.location: location])
            case .notFound(let domain):
                guard let domain, let page = try site.pages.bytes(of: domain + "/404.html") else {
                    return Self.text(.notFound, "No site for host \(host). Use localhost for the hub or <abbr>.localhost for a city.")
                }
                if let held = notes.heldBack(domain: domain, path: request.uri.path) {
                    return html(.notFound, Array(PreviewNotes.page(for: held).utf8))
                }
                return html(.notFound, page)
            case .file(let file):
                guard let bytes = try site.pages.bytes(of: file) else { return Self.text(.notFound, "Not found.") }
                if file.hasSuffix(".html") { return html(.ok, bytes) }
                return Response(status: .ok, headers: [.contentType: PreviewSite.contentType(of: file), .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        } catch {
            // A template that fails on this page: the problem, over nothing.
            return Self.html(.internalServerError, Array("<!doctype html><html lang=\"zh-CN\"><title>模板错误</title><body></body></html>".utf8),
                             problem: String(describing: error))
        }
    }

    /// An HTML page with the preview's reload script added before `</body>`, and the last build's problems over it.
    private static func html(_ status: HTTPResponse.Status, _ bytes: [UInt8], problem: String?) -> Response {
        var page = String(decoding: bytes, as: UTF8.self)
        let script = (problem.map(PreviewNotes.overlay) ?? "") + "<script src=\"/__portal/reload.js\"></script>\n"
        if let end = page.range(of: "</body>", options: .backwards) { page.insert(contentsOf: script, at: end.lowerBound) } else { page += script }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
