import Diagnostics

/// One problem found in the content, templates or lexicon, located so that an
/// editor can open the file at the right line and knows what to change.
package struct ContentIssue: Diagnostic, Equatable {
    /// The file as the user named it (e.g. `Content/answers/nj/fever.md`).
    package let file: String
    /// 1-based line, when the problem has one.
    package let line: Int?
    /// What is wrong.
    package let message: String
    /// What to do about it.
    package let fix: String
    /// An error, or a warning for a problem that stops nothing here (another city's answer in a `--city` build).
    package let severity: DiagnosticSeverity

    package init(file: String, line: Int?, message: String, fix: String, severity: DiagnosticSeverity = .error) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    package var location: SourceLocation? { SourceLocation(file: file, line: line) }

    /// The same problem, as a warning.
    package var asWarning: ContentIssue { ContentIssue(file: file, line: line, message: message, fix: fix, severity: .warning) }
    package var hint: String? { fix }
}
