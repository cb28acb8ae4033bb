extension String {
    /// Escapes the five characters XML and HTML treat specially, and replaces the
    /// control characters XML 1.0 forbids (all C0 but tab, line feed and
    /// carriage return, and U+FFFE/U+FFFF), which would make a feed unreadable, with U+FFFD.
    package var xmlEscaped: String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": result.append(scalar)
            default:
                // Shown as U+FFFD, as a page shows such a character as a box: dropped, it joined what stood on
                // either side (`内部\u{FFFF}资料`, moderated apart, reached the feed as `内部资料`).
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return String(result)
    }
}
