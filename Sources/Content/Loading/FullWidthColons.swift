import Foundation

/// Editors typing Chinese write `title：` with the full-width colon; YAML
/// wants `:`. A full-width colon right after a key at the start of a line
/// (`title：`, `- name：`) is read as the colon it means; one inside a value
/// (`title: 问题：如何预约`) stays as written. Lines keep their number.
enum FullWidthColons {
    static func afterKeys(in yaml: String) -> String {
        guard holdsFullWidthColon(yaml) else { return yaml }
        // "\r\n" is one Character in Swift: lines are split on line feeds of either kind.
        var blockIndent: Int?
        return yaml.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { text in
            let indent = text.prefix { $0 == " " }.count
            // The lines of a block scalar (`key: |`, `key: >`) are text, never keys.
            if let block = blockIndent, indent > block || text.allSatisfy({ $0 == " " }) { return String(text) }
            blockIndent = nil
            let rewritten = line(text)
            if let colon = rewritten.firstIndex(of: ":"), case let value = rewritten[rewritten.index(after: colon)...].drop(while: { $0 == " " }),
                value.first == "|" || value.first == ">" {
                blockIndent = indent
            }
            return rewritten
        }.joined(separator: "\n")
    }

    /// Whether `text` holds `：` (EF BC 9A), looked for in its bytes: Foundation's `contains` took a twentieth of `moderate`.
    private static func holdsFullWidthColon(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A { return true }
                index += 1
            }
            return false
        }
    }

    private static func line(_ line: Substring) -> String {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        let key = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard let first = key.first, first.isLetter || first == "_" else { return String(line) }
        let afterKey = rest.dropFirst(key.count).drop { $0 == " " }
        guard afterKey.first == "：" else { return String(line) }
        let value = afterKey.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
        return String(line[..<rest.startIndex]) + key + ": " + value
    }
}
