extension String {
    /// Escapes the five characters XML and HTML treat specially, and drops the
    /// control characters XML 1.0 forbids (all C0 but tab, line feed and
    /// carriage return, and U+FFFE/U+FFFF), which would make a feed unreadable.
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
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }
}
