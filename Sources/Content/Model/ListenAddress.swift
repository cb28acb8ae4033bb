import Glibc

/// The grammar of an nginx `listen` value: a port, `IPv4:port` or
/// `[IPv6]:port`, then optional parameters from a short list. Anything else
/// could close the directive and add others to the operator's nginx.
package enum ListenAddress {
    /// Parameters accepted after the address on the plain HTTP `listen`: none.
    /// (`default_server` cannot be: every site's file repeats the same `listen`.)
    static let plainParameters: [String] = []
    /// Parameters accepted on `listen_tls`, where `ssl` is required.
    static let tlsParameters = ["ssl", "http2"]

    static func rule(tls: Bool) -> String {
        tls ? "Write a port or an address and port followed by `ssl`, optionally `http2`: `443 ssl`, `127.0.0.1:8443 ssl http2`, `[::1]:443 ssl`."
            : "Write a port (`80`) or an address and port (`127.0.0.1:8080`, `[::1]:8080`), nothing else."
    }

    /// Why `text` is not a usable listen value, or `nil` when it is one.
    package static func problem(_ text: String, tls: Bool) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let address = words.first, !address.isEmpty else { return "it is empty" }
        if let problem = addressProblem(address) { return problem }
        let allowed = tls ? tlsParameters : plainParameters
        var seen = Set<String>()
        for word in words.dropFirst() {
            guard allowed.contains(word) else {
                return word.isEmpty ? "it has two spaces in a row or a trailing space"
                    : "`\(word)` is not a listen parameter portal12320 supports"
            }
            guard seen.insert(word).inserted else { return "`\(word)` is given twice" }
        }
        if tls && !seen.contains("ssl") { return "it lacks `ssl`, so nginx would serve plain HTTP on it" }
        return nil
    }

    private static func addressProblem(_ address: String) -> String? {
        guard let colon = address.lastIndex(of: ":") else { return portProblem(address) }
        let host = String(address[..<colon])
        if let problem = portProblem(String(address[address.index(after: colon)...])) { return problem }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            var bytes = in6_addr()
            return inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &bytes) == 1 ? nil : "`\(host)` is not an IPv6 address"
        }
        return isIPv4(host) ? nil : "`\(host)` is not an IPv4 address or a bracketed IPv6 address"
    }

    private static func portProblem(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !text.hasPrefix("0"),
            let port = Int(text), (1...65535).contains(port)
        else { return "`\(text)` is not a port from 1 to 65535" }
        return nil
    }

    private static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                && (part == "0" || !part.hasPrefix("0")) && Int(part).map { $0 <= 255 } == true
        }
    }
}
