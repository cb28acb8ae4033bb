extension String {
    /// The text without the white space and line breaks around it: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (the same
    /// scalars: Unicode's White_Space, U+0009–000D, U+0085 and the separators
    /// Zs, Zl, Zp, and as Foundation on Linux, the zero-width space U+200B),
    /// without Foundation's character sets, which took a twentieth of reading
    /// an answer's front matter.
    package var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || scalar.value == 0x200B }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
