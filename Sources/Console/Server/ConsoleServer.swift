import Content
import Diagnostics
import Foundation
import HTTPTypes
import Hummingbird
import Review

/// `portal12320 console`: the newsroom console, a Hummingbird application
/// serving the pages and the JSON API of docs/console-api.md.
package struct ConsoleServer: Sendable {
    let desk: NewsroomDesk
    let sessions: ConsoleSessions
    let pages: ConsolePages
    static let cookie = "console_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    package init(contentDirectory: String, store: ConsoleStore) throws {
        desk = NewsroomDesk(contentDirectory: contentDirectory)
        sessions = ConsoleSessions(store: store)
        pages = try ConsolePages()
    }

    /// Serves on `bind:port` until cancelled or stopped by SIGINT or SIGTERM.
    package func run(bind: String, port: Int, log: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(bind, port: port)),
                              onServerRunning: { _ in log("Console on http://\(bind):\(port)/") })
        try await app.runService()
    }

    package func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        for path in ["/", "/login", "/mine", "/new", "/review/:scope/:id", "/edit/:scope/:id"] {
            router.get(RouterPath(path)) { [pages] _, _ in Self.file(pages.page, type: "text/html; charset=utf-8") }
        }
        router.get("/assets/console.js") { [pages] _, _ in Self.file(pages.script, type: "application/javascript; charset=utf-8") }
        router.get("/assets/console.css") { [pages] _, _ in Self.file(pages.stylesheet, type: "text/css; charset=utf-8") }

        router.post("/api/session") { request, _ in await self.answering { try await self.login(request) } }
        router.delete("/api/session") { request, _ in
            await self.answering {
                let session = try self.session(request, changing: true)
                try self.sessions.logout(session)
                var response = Response(status: .noContent)
                response.headers[.setCookie] = "\(Self.cookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                return response
            }
        }
        router.get("/api/me") { request, _ in await self.answering { try self.me(self.session(request, changing: false)) } }
        router.get("/api/queue") { request, _ in
            await self.answering {
                let account = try self.session(request, changing: false).account
                let query = request.uri.queryParameters
                return try Self.json(self.desk.queue(for: account, status: query["status"].map(String.init), city: query["city"].map(String.init),
                                                     minimumAge: query["age"].flatMap { Int($0) }))
            }
        }
        router.get("/api/answers/:scope/:id") { request, context in
            await self.answering {
                let account = try self.session(request, changing: false).account
                return try Self.json(self.desk.answer(try Self.reference(context), for: account))
            }
        }
        router.put("/api/answers/:scope/:id") { request, context in
            await self.answering {
                let account = try self.session(request, changing: true).account
                let body: Bodies.Markdown = try await Self.decode(request)
                return try Self.json(self.desk.save(scope: context.parameters.get("scope") ?? "", id: context.parameters.get("id") ?? "",
                                                    markdown: body.markdown, ifMatch: request.headers[.ifMatch], account: account))
            }
        }
        router.post("/api/answers/:scope/:id/submit") { request, context in
            await self.answering {
                let session = try self.session(request, changing: true)
                return try Self.json(self.desk.submit(try Self.reference(context), session: session))
            }
        }
        router.post("/api/answers/:scope/:id/decision") { request, context in
            await self.answering {
                let session = try self.session(request, changing: true)
                let body: Bodies.Decision = try await Self.decode(request)
                return try Self.json(self.desk.decide(try Self.reference(context), decision: body.decision, note: body.note ?? "",
                                                      sha256: body.sha256, session: session))
            }
        }
        router.post("/api/preview") { request, _ in
            await self.answering {
                let account = try self.session(request, changing: true).account
                let body: Bodies.Preview = try await Self.decode(request)
                return try Self.json(self.desk.preview(scope: body.scope, markdown: body.markdown, account: account))
            }
        }
        return router
    }

    /// What the request bodies hold.
    enum Bodies {
        struct Login: Decodable { let name: String; let password: String }
        struct Markdown: Decodable { let markdown: String }
        struct Decision: Decodable { let decision: String; let note: String?; let sha256: String? }
        struct Preview: Decodable { let scope: String; let markdown: String }
    }

    private func login(_ request: Request) async throws -> Response {
        let body: Bodies.Login = try await Self.decode(request)
        // bcrypt takes a quarter of a second on purpose: on a thread of its own, not on the server's few.
        let sessions = self.sessions
        let outcome = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { try sessions.login(name: body.name, password: body.password) })
            }
        }
        do {
            let (token, session) = try outcome.get()
            var response = try Self.json(ConsoleJSON.SessionStarted(csrf: session.csrf, name: session.account.name,
                                                                    role: session.account.role.rawValue, scopes: session.account.scopes))
            // Behind the centre's TLS proxy the cookie is for HTTPS only.
            let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" ? "; Secure" : ""
            response.headers[.setCookie] = "\(Self.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict\(secure)"
            return response
        } catch ConsoleSessions.Refusal.throttled {
            throw ConsoleFailure(status: .tooManyRequests, message: "Too many failed logins for this name: try again in 15 minutes.")
        } catch ConsoleSessions.Refusal.wrongCredentials {
            throw ConsoleFailure(status: .unauthorized, message: "Wrong name or password.")
        }
    }

    private func me(_ session: ActiveSession) throws -> Response {
        let province = try desk.current().content.province
        return try Self.json(ConsoleJSON.Me(name: session.account.name, role: session.account.role.rawValue, scopes: session.account.scopes,
                                            csrf: session.csrf, categories: province.categories.map { .init(key: $0.key, name: $0.name) },
                                            cities: province.cities.map { .init(abbr: $0.abbr, name: $0.name) }))
    }

    /// The request's session; for a state-changing request, only with its CSRF token.
    private func session(_ request: Request, changing: Bool) throws -> ActiveSession {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty, let session = try sessions.session(token: token) else {
            throw ConsoleFailure.unauthorized()
        }
        if changing {
            guard let sent = request.headers[Self.csrfHeader], Self.constantTimeEqual(sent, session.csrf) else {
                throw ConsoleFailure.forbidden("This request lacks the page's security token (X-CSRF-Token). Reload the page.")
            }
        }
        return session
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func reference(_ context: BasicRequestContext) throws -> String {
        guard let scope = context.parameters.get("scope"), let id = context.parameters.get("id") else { throw ConsoleFailure.notFound("") }
        return "\(scope)/\(id)"
    }

    /// The handler's response, or its failure as JSON in Chinese.
    private func answering(_ handler: () async throws -> Response) async -> Response {
        do {
            return try await handler()
        } catch let failure as ConsoleFailure {
            let body = ConsoleJSON.Failure(error: MessageCatalog.text(failure.message, in: .chinese),
                                           issues: failure.issues.isEmpty ? nil : NewsroomDesk.json(failure.issues))
            var response = (try? Self.json(body)) ?? Response(status: .internalServerError)
            response.status = failure.status
            return response
        } catch let refusal as ReviewDesk.Refusal {
            var response = (try? Self.json(ConsoleJSON.Failure(error: MessageCatalog.text(refusal.message, in: .chinese), issues: nil)))
                ?? Response(status: .internalServerError)
            response.status = .unprocessableContent
            return response
        } catch {
            var response = (try? Self.json(ConsoleJSON.Failure(error: "服务器内部错误，请稍后再试或联系省中心。", issues: nil)))
                ?? Response(status: .internalServerError)
            response.status = .internalServerError
            return response
        }
    }

    /// The request's JSON body. Only `application/json` is read, which a form on another site cannot send
    /// without the browser asking first (login CSRF); bodies over 1 MiB are refused.
    static func decode<Body: Decodable>(_ request: Request) async throws -> Body {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw ConsoleFailure(status: .unsupportedMediaType, message: "The request is not the JSON the API expects.")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: 1 << 20)
        } catch {
            throw ConsoleFailure(status: .contentTooLarge, message: "The answer is too long (more than 512 KB).")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ConsoleFailure(status: .badRequest, message: "The request is not the JSON the API expects.")
        }
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static func file(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
