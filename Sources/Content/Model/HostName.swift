/// The grammar of the domains the sites are served on (RFC 1123 host names,
/// lowercase): they name folders of the output, nginx `server_name`s, and the
/// absolute URLs of sitemaps and feeds, so nothing else may reach them.
package enum HostName {
    static let rule = "Write a domain of lowercase letters, digits, inner hyphens and dots, e.g. `www.js12320.cn`."

    /// Why `text` is not a usable host name, or `nil` when it is one.
    package static func problem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if let bad = text.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "it contains \(describe(bad))"
        }
        if text.utf8.count > 253 { return "it is longer than 253 characters" }
        if text.hasSuffix(".") { return "it ends with a dot" }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "it has an empty part (`..` or a leading dot)" }
        if labels.count < 2 { return "it has no dot: a public site needs a full domain" }
        if let long = labels.first(where: { $0.utf8.count > 63 }) { return "its part `\(long)` is longer than 63 characters" }
        if let hyphen = labels.first(where: { $0.hasPrefix("-") || $0.hasSuffix("-") }) {
            return "its part `\(hyphen)` starts or ends with a hyphen"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }

    /// A character as a message can show it: invisible ones by code point.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "a space" }
        if ControlCharacter.isForbiddenInText(scalar) || scalar.properties.isWhitespace {
            return "the invisible character \(ControlCharacter.name(scalar))"
        }
        return "`\(Character(scalar))`"
    }
}
