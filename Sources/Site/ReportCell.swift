import Foundation

/// A value in a cell of the reports (`report conflicts`, `report freshness`).
enum ReportCell {
    /// In a Markdown table: a `|` would end the cell.
    static func markdown(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    /// In a CSV file, as spreadsheets read it.
    /// A title starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// would be run as a formula when the provincial centre opens the file:
    /// such a field gets a leading `'` inside quotes, which spreadsheets show as text.
    static func csv(_ text: String) -> String {
        let formula = text.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
        let value = formula ? "'" + text : text
        let quoted = formula || value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return quoted ? "\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\"" : value
    }
}
