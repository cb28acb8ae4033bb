import Content
import Foundation
import Site

/// Which built site a preview request is for, and which file: one city per
/// host name (`nj.localhost`), the hub on `localhost`. Refuses any path that
/// could leave the site's folder, however it is encoded.
struct PreviewSite: Sendable {
    /// A resolved request: a file to send, a redirect, or a refusal.
    enum Resolution: Equatable, Sendable {
        /// The file's path below the output: `<domain>/<path>`.
        case file(String)
        case redirect(String)
        /// No such file; the site's domain, when the host names one.
        case notFound(site: String?)
        case badRequest
    }

    let province: Province
    let pages: PreviewPages

    /// The site folder for a Host header value, if any.
    func domain(forHost host: String) -> String? {
        let name = host.split(separator: ":").first.map { String($0).lowercased() } ?? ""
        if name == "localhost" || name == "127.0.0.1" { return province.hubDomain }
        if name.hasSuffix(".localhost") {
            let abbr = String(name.dropLast(".localhost".count))
            return province.openedCities.first { $0.abbr == abbr }.map(province.domain(of:))
        }
        return province.siteDomains.contains(name) ? name : nil
    }

    /// Maps a request path (as sent, percent-encoded) to a file of the site.
    func resolve(host: String, path rawPath: String) -> Resolution {
        guard let domain = domain(forHost: host) else { return .notFound(site: nil) }
        let pathOnly = String(rawPath.prefix { $0 != "?" && $0 != "#" })
        guard let decoded = pathOnly.removingPercentEncoding, decoded.hasPrefix("/") else { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        let forbidden = segments.contains { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") }
        guard !forbidden, !decoded.contains("//") else { return .badRequest }
        let file = domain + decoded
        if decoded.hasSuffix("/") {
            return pages.contains(file + "index.html") ? .file(file + "index.html") : .notFound(site: domain)
        }
        if pages.contains(file) { return .file(file) }
        return pages.contains(file + "/index.html") ? .redirect(pathOnly + "/") : .notFound(site: domain)
    }

    static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "application/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "txt": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "mp3": "audio/mpeg"
        case "m4a": "audio/mp4"
        case "ogg", "oga": "audio/ogg"
        case "wav": "audio/wav"
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        default: "application/octet-stream"
        }
    }
}
