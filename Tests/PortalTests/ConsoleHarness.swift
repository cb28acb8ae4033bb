@testable import Console
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

/// The console over the fixture province, with accounts made by `console user add`
/// (bcrypt cost 4 instead of 12, so that tests run quickly; everything else as in use).
final class ConsoleHarness: Sendable {
    let fixture: ProvinceFixture
    let store: ConsoleStore
    let users: ConsoleUsers
    let server: ConsoleServer
    static let password = "correct horse 1"

    init(reviewPolicy all: Bool = true) throws {
        fixture = try ProvinceFixture()
        if all { try fixture.requireReview() }
        store = try ConsoleStore(directory: fixture.root + "/console-data")
        users = ConsoleUsers(store: store, contentDirectory: fixture.content, bcryptCost: 4)
        try users.add(name: "王编辑", role: .editor, scopes: ["province", "nj"], password: Self.password)
        try users.add(name: "李审核", role: .reviewer, scopes: ["province"], password: Self.password)
        try users.add(name: "张审核", role: .reviewer, scopes: ["sz"], password: Self.password)
        server = try ConsoleServer(contentDirectory: fixture.content, store: store)
    }

    /// The console as a browser reaches it, in process.
    func client() -> RouterClient {
        RouterClient(server.router())
    }
}

/// One client's view of the console: its cookie and CSRF token.
struct ConsoleClient {
    let client: RouterClient
    var cookie: String?
    var csrf: String?

    init(_ client: RouterClient) {
        self.client = client
    }

    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, json: Any? = nil, csrf sendCSRF: Bool = true,
              headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let cookie { headers[.cookie] = "\(ConsoleServer.cookie)=\(cookie)" }
        if sendCSRF, let csrf { headers[ConsoleServer.csrfHeader] = csrf }
        headers[.contentType] = "application/json"
        let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Logs in, keeping the session cookie and CSRF token.
    @discardableResult
    mutating func login(_ name: String, password: String = ConsoleHarness.password) async throws -> Reply {
        let reply = try await send(.post, "/api/session", json: ["name": name, "password": password])
        if reply.status == .ok {
            cookie = reply.headers[.setCookie]?.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init)
            csrf = reply.json["csrf"] as? String
        }
        return reply
    }
}
