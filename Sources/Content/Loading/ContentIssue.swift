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

    package init(file: String, line: Int?, message: String, fix: String) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    package var location: SourceLocation? { SourceLocation(file: file, line: line) }
    package var hint: String? { fix }
}

/// Every problem of one run, reported together so an editor fixes them in
/// one pass instead of one build per mistake.
package struct ContentErrors: DiagnosticGroup {
    package let issues: [ContentIssue]

    package init(_ issues: [ContentIssue]) {
        self.issues = issues.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    package var diagnostics: [any Diagnostic] { issues }

    /// Throws when `issues` is not empty.
    package static func check(_ issues: [ContentIssue]) throws(ContentErrors) {
        if !issues.isEmpty { throw ContentErrors(issues) }
    }
}
