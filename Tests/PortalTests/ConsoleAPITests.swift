@testable import Console
import Content
import GRDB
import NIOCore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Review
import Testing

/// The console's JSON API, in process: every status of docs/console-api.md.
struct ConsoleAPITests {
    static let flu = "/api/answers/province/flu"

    func sha256(_ harness: ConsoleHarness, _ path: String) throws -> String {
        SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: harness.fixture.content + "/answers/" + path)))
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndWrongPasswordsAreThrottled() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var client = ConsoleClient(raw)
        let reply = try await client.login("王编辑")
        #expect(reply.status == .ok)
        let cookie = try #require(reply.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        #expect((reply.json["csrf"] as? String)?.count ?? 0 >= 40)
        #expect(try await client.send(.get, "/api/me").json["name"] as? String == "王编辑")

        var intruder = ConsoleClient(raw)
        for attempt in 1...5 {
            #expect(try await intruder.login("李审核", password: "guess \(attempt)").status == .unauthorized)
        }
        // After five failures the name is locked for the window, even with the right password.
        #expect(try await intruder.login("李审核").status == .tooManyRequests)
        #expect(try await intruder.login("nobody").status == .unauthorized)
    }

    @Test func withoutASessionEveryAPIAnswers401AndWithoutTheCSRFTokenChanges403() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        let anonymous = ConsoleClient(raw)
        for (method, path) in [(HTTPRequest.Method.get, "/api/queue"), (.get, "/api/me"), (.get, Self.flu), (.delete, "/api/session")] {
            let reply = try await anonymous.send(method, path)
            #expect(reply.status == .unauthorized, "\(path)")
            #expect(reply.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            #expect((reply.json["error"] as? String)?.contains("登录") == true)
        }
        var editor = ConsoleClient(raw)
        try await editor.login("王编辑")
        let text = try String(contentsOfFile: harness.fixture.content + "/answers/province/flu.md", encoding: .utf8)
        let forged = try await editor.send(.put, Self.flu, json: ["markdown": text + "\n再加一句。\n"], csrf: false,
                                           headers: [.ifMatch: try sha256(harness, "province/flu.md")])
        #expect(forged.status == .forbidden)
        #expect(try String(contentsOfFile: harness.fixture.content + "/answers/province/flu.md", encoding: .utf8) == text)
        #expect(try await editor.send(.delete, "/api/session", csrf: false).status == .forbidden)
        #expect(try await editor.send(.delete, "/api/session").status == .noContent)
        #expect(try await editor.send(.get, "/api/queue").status == .unauthorized)
        #expect(try await anonymous.send(.get, "/no/such/page").headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
    }

    @Test func theQueueShowsOnlyTheAccountsScopes() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var suzhou = ConsoleClient(raw)
        try await suzhou.login("张审核")
        let items = try #require(try await suzhou.send(.get, "/api/queue").json["items"] as? [[String: Any]])
        #expect(items.map { $0["answer"] as? String } == ["sz/sz-insurance"])
        #expect(try await suzhou.send(.get, Self.flu).status == .forbidden)
        #expect(try await suzhou.send(.get, "/api/answers/sz/nothing").status == .notFound)
        var province = ConsoleClient(raw)
        try await province.login("李审核")
        let awaiting = try #require(try await province.send(.get, "/api/queue?status=awaiting&city=province").json["items"] as? [[String: Any]])
        #expect(Set(awaiting.compactMap { $0["answer"] as? String }) == ["province/flu", "province/insurance-basic"])
    }

    @Test func savingChecksTheRevisionTheFrontMatterAndTheRole() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var editor = ConsoleClient(raw)
        try await editor.login("王编辑")
        let original = try String(contentsOfFile: harness.fixture.content + "/answers/province/flu.md", encoding: .utf8)
        let seen = try sha256(harness, "province/flu.md")
        let edited = original + "\n请勿相信医托。\n"
        let saved = try await editor.send(.put, Self.flu, json: ["markdown": edited], headers: [.ifMatch: seen])
        #expect(saved.status == .ok, "\(saved.body)")
        #expect((saved.json["findings"] as? [[String: Any]])?.first?["rule"] as? String == "sensitive")
        #expect(try String(contentsOfFile: harness.fixture.content + "/answers/province/flu.md", encoding: .utf8) == edited)
        // Saved again from the revision read before: someone changed it meanwhile.
        #expect(try await editor.send(.put, Self.flu, json: ["markdown": original], headers: [.ifMatch: seen]).status == .conflict)
        #expect(try await editor.send(.put, Self.flu, json: ["markdown": original], headers: [.ifMatch: "new"]).status == .conflict)
        let broken = try await editor.send(.put, "/api/answers/province/new-one", json: ["markdown": "---\nid: new-one\ntitle: 新\n---\n正文\n"],
                                           headers: [.ifMatch: "new"])
        #expect(broken.status == .unprocessableContent)
        let issues = try #require(broken.json["issues"] as? [[String: Any]])
        #expect(issues.contains { ($0["file"] as? String)?.hasSuffix("answers/province/new-one.md") == true && $0["line"] as? Int != nil })
        #expect(!FileManager.default.fileExists(atPath: harness.fixture.content + "/answers/province/new-one.md"))
        // A link to an answer that does not exist: the province would not load, so nothing is written.
        let dangling = "---\nid: new-two\ntitle: 新问题\ncategory: vaccination\nupdated: 2024-09-10\n---\n见[此](answer:nowhere)。\n"
        #expect(try await editor.send(.put, "/api/answers/province/new-two", json: ["markdown": dangling], headers: [.ifMatch: "new"]).status
                    == .unprocessableContent)
        #expect(!FileManager.default.fileExists(atPath: harness.fixture.content + "/answers/province/new-two.md"))

        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        #expect(try await reviewer.send(.put, Self.flu, json: ["markdown": original], headers: [.ifMatch: try sha256(harness, "province/flu.md")])
                    .status == .forbidden)
    }

    @Test func decisionsFollowTheRulesOfReview() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var editor = ConsoleClient(raw)
        try await editor.login("王编辑")
        let sha = try sha256(harness, "province/flu.md")
        #expect(try await editor.send(.post, Self.flu + "/submit", json: [:]).status == .ok)
        #expect(try await editor.send(.post, Self.flu + "/decision", json: ["decision": "approved", "note": "", "sha256": sha]).status == .forbidden)
        var suzhou = ConsoleClient(raw)
        try await suzhou.login("张审核")
        #expect(try await suzhou.send(.post, Self.flu + "/decision", json: ["decision": "approved", "note": "", "sha256": sha]).status == .forbidden)
        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        let noNote = try await reviewer.send(.post, Self.flu + "/decision", json: ["decision": "rejected", "note": " ", "sha256": sha])
        #expect(noNote.status == .unprocessableContent)
        let stale = try await reviewer.send(.post, Self.flu + "/decision", json: ["decision": "approved", "note": "", "sha256": String(repeating: "0", count: 64)])
        #expect(stale.status == .unprocessableContent)
        let approved = try await reviewer.send(.post, Self.flu + "/decision", json: ["decision": "approved", "note": "", "sha256": sha])
        #expect(approved.status == .ok, "\(approved.body)")
        #expect(try await reviewer.send(.get, Self.flu).json["status"] as? String == "published")
        let history = try #require(try await reviewer.send(.get, Self.flu).json["history"] as? [[String: Any]])
        #expect(history.map { $0["person"] as? String } == ["王编辑", "李审核"])
        #expect(history.allSatisfy { $0["counts"] as? Bool == true })
        // What the console wrote counts for the build like lines of `review`.
        let board = try ReviewBoard(content: ContentLoader.load(directory: harness.fixture.content))
        #expect(board.review(of: "province/flu")?.status == .publishable)
    }

    @Test func aBlockedAnswerAndTheSubmittersOwnApprovalAreRefused() async throws {
        let harness = try ConsoleHarness()
        try harness.fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次。", with: "建议每年接种一次。来电人电话13812345678。")
        // 李审核 submits with their own key (as `review submit` would), then tries to approve.
        let account = try #require(try harness.store.account(named: "李审核"))
        let key = try SealedSigningKey.open(account.sealedKey, salt: account.keySalt, password: ConsoleHarness.password)
        let insurance = "province/insurance-basic"
        _ = try ReviewDesk.record(.submitted, on: insurance, board: ReviewBoard(content: ContentLoader.load(directory: harness.fixture.content)),
                                  contentDirectory: harness.fixture.content, key: key, note: "")
        let raw = harness.client()
        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        let blocked = try await reviewer.send(.post, Self.flu + "/decision",
                                              json: ["decision": "approved", "note": "可以", "sha256": try sha256(harness, "province/flu.md")])
        #expect(blocked.status == .unprocessableContent)
        let own = try await reviewer.send(.post, "/api/answers/\(insurance)/decision",
                                          json: ["decision": "approved", "note": "", "sha256": try sha256(harness, "province/insurance-basic.md")])
        #expect(own.status == .forbidden)
    }

    /// `until:` written into people.yml by hand (not through the console): the console refuses with 403 (review).
    @Test func aReviewerWhoseDayHasEndedIsForbidden() async throws {
        let harness = try ConsoleHarness()
        let people = try harness.fixture.read("Content/people.yml")
        let account = try #require(try harness.store.account(named: "李审核"))
        try harness.fixture.write(people.replacingOccurrences(of: "  key: \(account.publicKey)\n",
                                                              with: "  key: \(account.publicKey)\n  until: \(ChinaTime.day(of: Date()))\n"),
                                  to: "Content/people.yml")
        let raw = harness.client()
        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        let sha = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: harness.fixture.content + "/answers/province/flu.md")))
        let refused = try await reviewer.send(.post, Self.flu + "/decision", json: ["decision": "rejected", "note": "退回", "sha256": sha])
        #expect(refused.status == .forbidden)
    }

    @Test func aDisabledAccountCannotLogInAndItsSessionEnds() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        try harness.users.disable(name: "李审核", from: try #require(Day(ChinaTime.day(of: Date()))))
        #expect(try await reviewer.send(.get, "/api/queue").status == .unauthorized)
        #expect(try await reviewer.login("李审核").status == .unauthorized)
        #expect(try harness.fixture.read("Content/people.yml").contains("  until: \(ChinaTime.day(of: Date()))"))
    }

    @Test func theLivePreviewShowsThePageAndItsFindingsWithoutSaving() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var editor = ConsoleClient(raw)
        try await editor.login("王编辑")
        let text = "---\nid: draft\ntitle: 草稿\ncategory: vaccination\nupdated: 2024-09-10\n---\n这是内部<!-- -->资料。\n"
        let preview = try await editor.send(.post, "/api/preview", json: ["scope": "province", "markdown": text])
        #expect(preview.status == .ok)
        #expect((preview.json["preview_html"] as? String)?.contains("<h1>草稿</h1>") == true)
        #expect((preview.json["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "classified" } == true)
        #expect(!FileManager.default.fileExists(atPath: harness.fixture.content + "/answers/province/draft.md"))
    }
}

/// What the red team found in the console, closed.
struct ConsoleHardeningTests {
    @Test func oversizedNamesAndBodiesAndOtherContentTypesAreRefusedWithoutStoringAnything() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        let client = ConsoleClient(raw)
        let long = try await client.send(.post, "/api/session", json: ["name": String(repeating: "x", count: 100_000), "password": "p"])
        #expect(long.status == .unauthorized)
        for _ in 1...10 {
            _ = try await client.send(.post, "/api/session", json: ["name": "nobody-\(UUID().uuidString)", "password": "p"])
        }
        let stored = try await harness.store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM loginFailure") }
        #expect(stored == 0)
        // A form on another site can post text/plain, never application/json without asking first: login CSRF.
        let form = try await raw.execute(uri: "/api/session", method: .post, headers: [.contentType: "text/plain"],
                                         body: ByteBuffer(string: "{\"name\":\"王编辑\",\"password\":\"\(ConsoleHarness.password)\"}")) { $0.status }
        #expect(form == .unsupportedMediaType)
        var editor = ConsoleClient(raw)
        try await editor.login("王编辑")
        let huge = try await editor.send(.post, "/api/preview", json: ["scope": "province", "markdown": String(repeating: "长", count: 600_000)])
        #expect(huge.status == .contentTooLarge)
        #expect((huge.json["error"] as? String)?.contains("NIO") == false)
    }

    @Test func aDecisionNamesTheWholeSHA256OfTheTextRead() async throws {
        let harness = try ConsoleHarness()
        let raw = harness.client()
        var reviewer = ConsoleClient(raw)
        try await reviewer.login("李审核")
        let sha = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: harness.fixture.content + "/answers/province/flu.md")))
        let short = try await reviewer.send(.post, "/api/answers/province/flu/decision",
                                            json: ["decision": "rejected", "note": "请补充", "sha256": String(sha.prefix(1))])
        #expect(short.status == .unprocessableContent)
    }

    /// Names that YAML reads as something else (an alias, a list, null, a quoted other name) are written so they read back as given.
    @Test(arguments: ["*ref", "[a, b]", "null", "'李审核'", "{x}", "@x", "% x", "- x", "!!int 5", "&anc x", "a\u{202E}b"])
    func aNameReadsBackAsWrittenOrIsRefused(_ name: String) throws {
        let harness = try ConsoleHarness()
        let before = try harness.fixture.read("Content/people.yml")
        do {
            try harness.users.add(name: name, role: .reviewer, scopes: ["province"], password: ConsoleHarness.password)
            let roster = try Roster.load(file: harness.fixture.content + "/people.yml", cities: ["nj", "sz", "sq"])
            #expect(roster.people.contains { $0.name == name && $0.role == .reviewer })
            #expect(roster.people.filter { $0.name == "李审核" }.count == 1)
        } catch is ConsoleUsers.Refusal {
            #expect(try harness.fixture.read("Content/people.yml") == before)
            #expect(try harness.store.account(named: name) == nil)
        }
    }

    /// An entry written by hand with `until:` before `key:`: disabling moves that day forward in place, and people.yml still loads (review).
    @Test func disablingKeepsPeopleYmlReadableWhateverTheOrderOfItsKeys() throws {
        let harness = try ConsoleHarness()
        let account = try #require(try harness.store.account(named: "李审核"))
        let people = try harness.fixture.read("Content/people.yml")
        let entry = "- name: 李审核\n  role: reviewer\n  scopes: [province]\n  key: \(account.publicKey)\n"
        try #require(people.contains(entry))
        try harness.fixture.write(people.replacingOccurrences(of: entry, with: "- name: 李审核\n  until: 2099-01-01\n  role: reviewer\n  scopes: [province]\n  key: \(account.publicKey)\n"),
                                  to: "Content/people.yml")
        let today = try #require(Day(ChinaTime.day(of: Date())))
        try harness.users.disable(name: "李审核", from: today)
        let roster = try Roster.load(file: harness.fixture.content + "/people.yml", cities: ["nj", "sz", "sq"])
        #expect(roster.person(withKey: account.publicKey)?.until == today)
    }
}
