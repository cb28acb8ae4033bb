/// A problem a user must read and act on: where it is, what is wrong, what
/// to do. Every error the tool shows an editor, reviewer or operator is one,
/// and the command line prints them all the same way (``rendered``), the form
/// compilers use, so editors and terminals can jump to the place.
package protocol Diagnostic: Error, Sendable, CustomStringConvertible {
    /// The file or folder, line and column, when the problem has a place.
    var location: SourceLocation? { get }
    /// What is wrong, in one sentence.
    var message: String { get }
    /// What to do about it, when there is something to do.
    var hint: String? { get }
    var severity: DiagnosticSeverity { get }
}

extension Diagnostic {
    package var hint: String? { nil }
    package var severity: DiagnosticSeverity { .error }

    /// `file:line:column: severity: message hint`, leaving out what is unknown.
    package var rendered: String {
        let head = location.map { "\($0): " } ?? ""
        return head + "\(severity.rawValue): \(message)" + (hint.map { " " + $0 } ?? "")
    }

    package var description: String { rendered }
}
