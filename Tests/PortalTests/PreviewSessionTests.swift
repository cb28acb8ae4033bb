import Foundation
import HTTPTypes
import Hummingbird
@testable import PreviewServer
import Synchronization
import Testing

/// The preview, in process: what an editor's browser gets, and the reload after a save.
struct PreviewSessionTests {
    private func session(_ fixture: borrowing ProvinceFixture, previewUnreviewed: Bool = false) async throws -> PreviewSession {
        try await PreviewSession(contentDirectory: fixture.content, templatesDirectory: fixture.templates,
                                 previewUnreviewed: previewUnreviewed, log: { _ in })
    }

    private func get(_ session: PreviewSession, _ path: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, body: String) {
        try await RouterClient(session.router()).execute(uri: path, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
    }

    /// The page a city's host name and path lead to, as the preview would send it.
    private func cityPage(_ session: PreviewSession, host: String, _ path: String) throws -> String {
        guard case .file(let file) = session.site.resolve(host: host, path: path), let bytes = try session.site.pages.bytes(of: file) else {
            Issue.record("\(host)\(path) is not a file")
            return ""
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func theHubIsServedWithTheReloadScriptWhichTheBuildNeverRenders() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        let hub = try await get(preview, "/")
        #expect(hub.status == .ok)
        #expect(hub.body.contains("<script src=\"/__portal/reload.js\"></script>\n</body>"))
        #expect(try await get(preview, "/__portal/reload.js").body.contains("EventSource('/__portal/events')"))
        let rendered = try #require(try preview.site.pages.bytes(of: "www.js12320.cn/index.html"))
        #expect(!String(decoding: rendered, as: UTF8.self).contains("__portal"))
        let missing = try await get(preview, "/no/such/page/")
        #expect(missing.status == .notFound)
        #expect(missing.body.contains("页面未找到"))
    }

    @Test func eachOpenedCityHasItsHostNameAndAPlannedCityHasNone() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        #expect(try cityPage(preview, host: "nj.localhost:8080", "/").contains("南京"))
        #expect(preview.site.resolve(host: "nj.localhost", path: "/answers/flu") == .redirect("/answers/flu/"))
        #expect(preview.site.resolve(host: "sq.localhost", path: "/") == .notFound(site: nil))
        // The search index is made on the first search, for every city at once.
        #expect(try cityPage(preview, host: "nj.localhost", "/search/meta.json").contains("\"shards\""))
        #expect(try cityPage(preview, host: "sz.localhost", "/search/docs/0.json").contains("\"u\":\"/answers/"))
        #expect(preview.site.resolve(host: "example.com", path: "/") == .notFound(site: nil))
    }

    /// Escapes aimed at a file that exists beside the sites: the content's portal.yml.
    @Test(arguments: ["/../../../Content/portal.yml", "/%2e%2e/%2e%2e/%2e%2e/Content/portal.yml", "/..%2f..%2f..%2fContent%2fportal.yml",
                      "/assets/%2E%2E/%2E%2E/%2E%2E/%2E%2E/Content/portal.yml", "/assets/..%5c..%5c..%5c..%5cContent%5cportal.yml",
                      "/%252e%252e/%252e%252e/%252e%252e/Content/portal.yml"])
    func aPathCannotLeaveTheSite(_ path: String) async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        let response = try await get(preview, path)
        #expect(response.status == .badRequest || response.status == .notFound, "\(path) → \(response.status)")
        #expect(!response.body.contains("domain_pattern"))
        // Refused as leaving the site, not merely missing (a double-encoded `%252e` is a file name, and missing).
        if !path.contains("%25") { #expect(preview.site.resolve(host: "localhost", path: path) == .badRequest, "\(path)") }
    }

    @Test func aSavedEditIsRebuiltAndOpenPagesAreToldToReload() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/flu/").contains("建议每年接种一次"))
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "EDITED-MARKER 建议每年接种")
        // A page open since the first build (it saw generation 0) waits for the next one.
        async let event = get(preview, "/__portal/events", headers: [HTTPField.Name("Last-Event-ID")!: "0"])
        #expect(await preview.rebuild())
        #expect(try await event.body.contains("event: reload\nid: 1\n"))
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/flu/").contains("EDITED-MARKER"))
    }

    /// The pages of a build no longer served are kept a moment after a rebuild (not freed while open pages
    /// reload), never longer than the next rebuild: a preview open all day does not grow with each save.
    @Test func thePagesOfAnEarlierBuildAreFreedByTheNextRebuildAtTheLatest() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        weak var first = preview.site.pages
        #expect(first != nil)
        #expect(await preview.rebuild())
        #expect(await preview.rebuild())
        #expect(first == nil)
    }

    /// The watcher notices a saved file by itself: no one calls rebuild.
    @Test(.timeLimit(.minutes(1)))
    func theWatcherRebuildsWhenAFileIsSaved() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        let watching = Task { try await preview.watch(every: .milliseconds(20)) }
        defer { watching.cancel() }
        // Compared with the files as the first build read them, so the watcher sees it whenever it looks.
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "WATCHED-EDIT 建议每年接种")
        #expect(await preview.reloads.next(after: 0) == 1)
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/flu/").contains("WATCHED-EDIT"))
    }

    /// An answer edited through a hard link from outside the content folder makes no event; the walk
    /// once the folders are quiet after a save finds it, and the preview builds it (here a classified term: held back).
    @Test(.timeLimit(.minutes(1)))
    func anAnswerEditedThroughAHardLinkFromOutsideIsSeenAfterTheNextSave() async throws {
        let fixture = try ProvinceFixture()
        let outside = fixture.root + "/outside-clinic.md"
        #expect(link(fixture.content + "/answers/nj/nj-clinic.md", outside) == 0)
        let preview = try await session(fixture)
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/nj-clinic/").contains("NANJING-CLINIC-TEXT"))
        let watching = Task { try await preview.watch(every: .milliseconds(20)) }
        defer { watching.cancel() }
        // A first save, seen: the watch now goes by events.
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年都接种一次")
        #expect(await preview.reloads.next(after: 0) == 1)
        // Written in place through the other name: the same file, no event in the content folder.
        let handle = try #require(FileHandle(forUpdatingAtPath: outside))
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "NANJING-CLINIC-TEXT", with: "内部资料诊所改").utf8))
        try handle.close()
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/nj-clinic/").contains("NANJING-CLINIC-TEXT"))
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年都接种一次", with: "建议每年接种一次")
        var generation = 1
        while preview.notes.withLock({ $0 }).heldBack(domain: "www.jsnj12320.cn", path: "/answers/nj-clinic/") == nil {
            generation = try #require(await preview.reloads.next(after: generation))
        }
        // At most: the second save, then the walk after it (the walk once quiet after the first save may find it first).
        #expect(generation <= 3)
    }

    /// A content error keeps the previous pages, and shows over them, naming file and line, until it is fixed.
    @Test func aFailedRebuildShowsItsProblemsOverThePreviousPagesUntilFixed() async throws {
        let fixture = try ProvinceFixture()
        let preview = try await session(fixture)
        try fixture.edit("Content/answers/province/flu.md", replacing: "updated: 2024-09-10", with: "updated: 2024-13-45")
        #expect(await preview.rebuild() == false)
        #expect(preview.reloads.generation == 1)  // open pages reload to show the problem
        #expect(try cityPage(preview, host: "nj.localhost", "/answers/flu/").contains("建议每年接种一次"))
        let hub = try await get(preview, "/")
        #expect(hub.body.contains("id=\"portal-preview-problem\""))
        #expect(hub.body.contains("province/flu.md:5: error: `2024-13-45` is not a date."))
        try fixture.edit("Content/answers/province/flu.md", replacing: "updated: 2024-13-45", with: "updated: 2024-09-10")
        #expect(await preview.rebuild())
        #expect(try await !get(preview, "/").body.contains("portal-preview-problem"))
    }

    /// A held-back answer's address says why, in rule and line, never the matched text.
    @Test func aHeldBackAnswersAddressSaysWhyWithoutTheMatchedText() async throws {
        let fixture = try ProvinceFixture()
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "来电人手机13812345678，建议每年接种一次")
        let preview = try await session(fixture)
        let notes = try #require(preview.notes.withLock { $0 }.heldBack(domain: "www.jsnj12320.cn", path: "/answers/flu/"))
        let page = PreviewNotes.page(for: notes)
        #expect(page.contains("province/flu"))
        #expect(page.contains("pii.mobile at line 8"))
        #expect(!page.contains("13812345678"))
        #expect(preview.notes.withLock { $0 }.heldBack(domain: "www.jssz12320.cn", path: "/answers/flu") != nil)
        #expect(preview.notes.withLock { $0 }.heldBack(domain: "www.jsnj12320.cn", path: "/answers/nj-clinic/") == nil)
    }

    @Test(arguments: [false, true])
    func anUnreviewedEditShowsOnlyWithThePreviewFlagAndThenWithABanner(_ previewUnreviewed: Bool) async throws {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try fixture.submitAndApprove("province/flu")
        let preview = try await session(fixture, previewUnreviewed: previewUnreviewed)
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "UNREVIEWED-EDIT 建议每年接种")
        #expect(await preview.rebuild())
        let page = try cityPage(preview, host: "nj.localhost", "/answers/flu/")
        #expect(page.contains("UNREVIEWED-EDIT") == previewUnreviewed)
        #expect(page.contains("建议每年接种一次") == !previewUnreviewed)
        #expect(page.contains("本答复尚未通过审核") == previewUnreviewed)
    }
}
