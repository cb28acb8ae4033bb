import Diagnostics

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
