import Foundation
import Diagnostics
import Moderation

/// Findings shown where they stand: `path:line:column: severity rule: matched (term) [label]`,
/// then the source line with the match underlined.
enum FindingsText {
    static func render(_ findings: [Finding], in text: String, path: String) -> String {
        var output = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for finding in findings {
            let language = Language.current
            output += "\(path):\(finding.line):\(finding.column): \(MessageCatalog.severity(finding.severity.rawValue, in: language)) "
                + "\(MessageCatalog.rule(finding.rule.rawValue, in: language)): "
            output += "\(finding.matched.replacingOccurrences(of: "\n", with: "⏎"))"
            output += finding.term.map { " (\($0))" } ?? ""
            output += finding.label.map { " [\($0)]" } ?? ""
            output += "\n"
            guard finding.line - 1 < lines.count else { continue }
            let firstLineOfMatch = finding.matched.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            // A long line is shown around the match only: the output stays small however long the line.
            let scalars = Array(lines[finding.line - 1].unicodeScalars)
            let matchStart = min(max(0, finding.column - 1), scalars.count)
            let from = scalars.count > 160 ? max(0, matchStart - 40) : 0
            let to = scalars.count > 160 ? min(scalars.count, matchStart + firstLineOfMatch.unicodeScalars.count + 40) : scalars.count
            let lead = from > 0 ? "…" : ""
            let shown = lead + String(String.UnicodeScalarView(scalars[from..<to])) + (to < scalars.count ? "…" : "")
            let before = lead.unicodeScalars + scalars[from..<matchStart]
            output += "    \(shown)\n"
            output += "    \(String(repeating: " ", count: DisplayWidth.of(before)))"
            output += "^" + String(repeating: "~", count: max(0, min(80, DisplayWidth.of(firstLineOfMatch.unicodeScalars)) - 1)) + "\n"
        }
        return output
    }
}
