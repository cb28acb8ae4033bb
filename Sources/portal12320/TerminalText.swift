import Content
/// Text from content files, the review ledger or file names, made safe to
/// print on a terminal: a title holding `ESC [ 2 J` must not clear a
/// reviewer's screen, a carriage return must not overwrite the line before it,
/// and a line break inside a title must not forge a line of its own.
enum TerminalText {
    /// `text` with every control character (C0 but tab, DEL, C1) and every
    /// bidirectional or line-breaking mark written as a visible `\u{1B}`.
    /// - Parameters:
    ///   - text: what came from content, the ledger or the file system.
    ///   - keepingLineBreaks: keep `\n` for text that is several lines by design
    ///     (a findings listing, an error list); leave it off for one-line fields.
    /// - Returns: text that shows every character it holds and moves no cursor.
    static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        if scalar == "\t" || (keepingLineBreaks && scalar == "\n") { return false }
        return ControlCharacter.isForbiddenInText(scalar)
    }
}
