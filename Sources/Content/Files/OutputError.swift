import Diagnostics

/// A failure to write the output, as opposed to a problem in the content.
package struct OutputError: Diagnostic {
    package let path: String
    package let reason: String
    /// What to do; by default, what fits a write that failed.
    private let fix: String

    package init(path: String, reason: String,
                 fix: String = "Check free disk space and permissions; the previous output is unchanged.") {
        self.path = path
        self.reason = reason
        self.fix = fix
    }

    package var location: SourceLocation? { SourceLocation(file: path) }
    package var message: String { "cannot write the output (\(reason))." }
    package var hint: String? { fix }
}
