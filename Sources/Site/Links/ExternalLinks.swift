import Content
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks other websites whether the addresses the sites link to still answer:
/// a `HEAD` request (a `GET` where `HEAD` is refused), each with a time-out,
/// a few at a time. An address that answered is remembered for a week in a
/// cache file, so a daily check asks again only what is new or was dead. When
/// no host name resolves at all, the machine has no network: nothing is
/// asked, and the outcome says so instead of calling every link dead.
package final class ExternalLinks: Sendable {
    package struct Outcome: Sendable {
        /// Dead addresses and why.
        package let dead: [String: String]
        package let asked: Int
        package let fromCache: Int
        /// Why no address was asked, when none was.
        package let skipped: String?

        static func notAsked(count: Int) -> Outcome {
            Outcome(dead: [:], asked: 0, fromCache: 0, skipped: count == 0 ? nil : "not asked (--links-offline)")
        }
    }

    let cacheFile: String?
    let timeout: Double
    /// How long an address that answered is trusted without asking again.
    static let cacheSeconds = 7 * 24 * 3600

    package init(cacheFile: String?, timeoutSeconds: Double) {
        self.cacheFile = cacheFile
        self.timeout = timeoutSeconds
    }

    package func check(_ urls: [String]) async -> Outcome {
        guard !urls.isEmpty else { return Outcome(dead: [:], asked: 0, fromCache: 0, skipped: nil) }
        let now = Int(Date().timeIntervalSince1970)
        var cache = loadCache()
        let fresh = Set(urls.filter { (cache[$0]).map { now - $0 < Self.cacheSeconds } ?? false })
        let toAsk = urls.filter { !fresh.contains($0) }
        // Whether there is a network is judged by every host the sites link, those that answered before
        // first: a new link's mistyped domain must not pass as "no network" once the others are cached.
        let hosts = Set(urls.compactMap { URL(string: $0)?.host })
        let names = hosts.filter { !Self.isAddressLiteral($0) }
        let cachedHosts = Set(fresh.compactMap { URL(string: $0)?.host })
        let inOrder = names.filter(cachedHosts.contains).sorted() + names.subtracting(cachedHosts).sorted()
        if !toAsk.isEmpty, !names.isEmpty, names.count == hosts.count, !inOrder.contains(where: Self.resolves) {
            return Outcome(dead: [:], asked: 0, fromCache: fresh.count,
                           skipped: "no network: none of \(names.count) host names resolves, \(toAsk.count) addresses not asked")
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let session = URLSession(configuration: configuration)
        var dead: [String: String] = [:]
        // A few at a time: other people's servers, and a 2-core machine.
        for batch in stride(from: 0, to: toAsk.count, by: 8).map({ Array(toAsk[$0..<min($0 + 8, toAsk.count)]) }) {
            let results = await withTaskGroup(of: (String, String?).self) { group in
                for url in batch { group.addTask { (url, await Self.problem(url, session: session)) } }
                var results: [(String, String?)] = []
                for await result in group { results.append(result) }
                return results
            }
            for (url, problem) in results {
                if let problem { dead[url] = problem; cache[url] = nil } else { cache[url] = now }
            }
        }
        session.finishTasksAndInvalidate()
        saveCache(cache)
        return Outcome(dead: dead, asked: toAsk.count, fromCache: fresh.count, skipped: nil)
    }

    /// Why `url` is dead, or `nil` when it answers. Refusals of robots (401, 403, 429) and of `HEAD` count as answers.
    private static func problem(_ url: String, session: URLSession) async -> String? {
        guard let address = URL(string: url), address.scheme == "http" || address.scheme == "https" else { return "not an http address" }
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: address)
            request.httpMethod = method
            request.setValue("portal12320-link-check", forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if status == 405 || status == 501, method == "HEAD" { continue }
                if (200..<400).contains(status) || [401, 403, 429].contains(status) { return nil }
                return "the server answers HTTP \(status)"
            } catch {
                return "no answer (\((error as NSError).localizedDescription))"
            }
        }
        return "the server refuses HEAD and GET"
    }

    private static func isAddressLiteral(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private static func resolves(_ host: String) -> Bool {
        var result: UnsafeMutablePointer<addrinfo>?
        defer { if let result { freeaddrinfo(result) } }
        return getaddrinfo(host, nil, nil, &result) == 0
    }

    /// Addresses that answered, with when (seconds since 1970).
    private func loadCache() -> [String: Int] {
        guard let cacheFile, let data = FileManager.default.contents(atPath: cacheFile),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int]
        else { return [:] }
        return object
    }

    private func saveCache(_ cache: [String: Int]) {
        guard let cacheFile, let data = try? JSONSerialization.data(withJSONObject: cache, options: [.sortedKeys]) else { return }
        let folder = PathText.parent(of: cacheFile)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = cacheFile + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, cacheFile) != 0 { unlink(temporary) }
    }
}
