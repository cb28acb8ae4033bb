import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// Hands each request straight to a router, in process, as the server would after reading it from a socket:
/// what the console's and the preview's tests talk to. No port, no HTTP client, no TLS library to build.
struct RouterClient: Sendable {
    struct Response: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
    }

    private let responder: RouterResponder<BasicRequestContext>
    private let makeContext: @Sendable () -> BasicRequestContext

    init(_ router: Router<BasicRequestContext>) {
        responder = router.buildResponder()
        let logger = Logger(label: "portal12320.tests")
        makeContext = { BasicRequestContext(source: .init(channel: NIOAsyncTestingChannel(), logger: logger)) }
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Response {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let response: Hummingbird.Response
        do {
            response = try await responder.respond(to: request, context: makeContext())
        } catch {
            // What the server sends for an error no handler turned into a response.
            response = Hummingbird.Response(status: .internalServerError)
        }
        let collected = CollectedBody()
        try await response.body.write(collected)
        return Response(status: response.status, headers: response.headers, body: collected.buffer)
    }

    func execute<Value>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                        _ read: (Response) throws -> Value) async throws -> Value {
        try read(try await execute(uri: uri, method: method, headers: headers, body: body))
    }

    /// The response's body, as the server would have written it to the socket.
    private final class CollectedBody: ResponseBodyWriter {
        var buffer = ByteBuffer()
        func write(_ part: ByteBuffer) async throws { buffer.writeImmutableBuffer(part) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
