/// The grammar of the absolute paths written into nginx configuration (the
/// deploy root, TLS certificate and key): a value outside it could end the
/// directive (`;`), open a block (`{`), or quote, comment or expand a variable.
package enum ServerPath {
    static let rule = "Write an absolute path of letters, digits and `/ . _ - + @ ~`, e.g. `/srv/12320`."

    /// Why `text` is not a usable path, or `nil` when it is one.
    package static func problem(_ text: String) -> String? {
        guard text.hasPrefix("/") else { return "it is not an absolute path (it must start with `/`)" }
        if let bad = text.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "it contains \(HostName.describe(bad))"
        }
        if text.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            return "it has a `..` or `.` part"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "/._-+@~".unicodeScalars.contains(scalar)
    }
}
