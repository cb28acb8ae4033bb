/// Characters that steer how text is shown instead of being shown: C0 and C1
/// controls (the terminal's escape sequences start with one), DEL, and the
/// Unicode marks that reorder or break lines (bidirectional overrides and
/// isolates, line and paragraph separators), which can make a title or a file
/// name read differently from what it is.
package enum ControlCharacter {
    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Bidirectional embeddings, overrides and isolates, and U+2028/U+2029.
    static func isLayoutMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// What no one-line value of `portal.yml` or of front matter may hold.
    package static func isForbiddenInText(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isLayoutMark(scalar)
    }

    /// `U+001B`, how messages name a character the reader cannot see.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
