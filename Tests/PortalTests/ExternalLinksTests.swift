import Foundation
import Glibc
import Site
import Testing

/// Links to other websites are asked over HTTP, remembered when they answer,
/// and not called dead when the machine has no network.
struct ExternalLinksTests {
    /// A web server on a loopback port the system picks, in this process:
    /// `/ok.html` answers 200, anything else 404.
    final class LoopbackServer: @unchecked Sendable {
        let socket: Int32
        let port: Int
        private let thread: Thread

        init() throws {
            let listening = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            socket = listening
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, length) == 0 && listen(listening, 16) == 0
                    && getsockname(listening, $0, &length) == 0 }
            }
            try #require(bound)
            port = Int(UInt16(bigEndian: address.sin_port))
            thread = Thread {
                while true {
                    let client = accept(listening, nil, nil)
                    guard client >= 0 else { return }
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    let count = read(client, &buffer, buffer.count)
                    let request = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
                    let found = request.hasPrefix("HEAD /ok.html ") || request.hasPrefix("GET /ok.html ")
                    let response = "HTTP/1.1 \(found ? "200 OK" : "404 Not Found")\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    _ = response.withCString { write(client, $0, strlen($0)) }
                    close(client)
                }
            }
            thread.start()
        }

        /// Stops answering: the port refuses connections from now on.
        func stop() {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anAddressThatAnswersIsRememberedAndOneThatDoesNotIsDead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LoopbackServer()
        let ok = "http://127.0.0.1:\(server.port)/ok.html"
        let gone = "http://127.0.0.1:\(server.port)/gone.html"
        let cache = folder + "/cache/external-links.json"
        let links = ExternalLinks(cacheFile: cache, timeoutSeconds: 5)

        let first = await links.check([gone, ok])
        #expect(first.asked == 2 && first.fromCache == 0 && first.skipped == nil)
        #expect(Array(first.dead.keys) == [gone])
        #expect(first.dead[gone]?.contains("404") == true)
        let remembered = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cache))) as? [String: Int])
        #expect(Array(remembered.keys) == [ok], "only what answered is remembered")

        // The server is gone: what answered a moment ago is trusted, the rest asked again.
        server.stop()
        let second = await links.check([gone, ok])
        #expect(second.fromCache == 1 && second.asked == 1)
        #expect(Array(second.dead.keys) == [gone])
        #expect(second.dead[gone]?.contains("no answer") == true)
    }

    /// Once the good links are remembered, a new link to a domain that does not exist is dead, not "no network".
    @Test(.timeLimit(.minutes(1)))
    func aMistypedDomainAmongRememberedLinksIsDead() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try LoopbackServer()
        defer { server.stop() }
        let ok = "http://localhost:\(server.port)/ok.html"
        let links = ExternalLinks(cacheFile: folder + "/external-links.json", timeoutSeconds: 5)
        #expect(await links.check([ok]).dead.isEmpty)
        let second = await links.check([ok, "https://www.jsnj12320.invalid/answers/"])
        #expect(second.skipped == nil && second.fromCache == 1)
        #expect(Array(second.dead.keys) == ["https://www.jsnj12320.invalid/answers/"])
    }

    /// `.invalid` never resolves (RFC 2606): with no host name resolving, nothing is called dead.
    @Test func withoutANetworkNothingIsAskedAndItIsSaid() async {
        let outcome = await ExternalLinks(cacheFile: nil, timeoutSeconds: 2).check(["https://a.invalid/x", "https://b.invalid/y"])
        #expect(outcome.dead.isEmpty && outcome.asked == 0)
        #expect(outcome.skipped?.contains("no network") == true)
    }
}
