/// Ids and keys that become URL path segments.
package enum Identifier {
    package static let rule = "Use lowercase ASCII letters, digits and hyphens only, e.g. `flu-vaccine-2024`."

    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.first != "-" && text.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
    }
}
