/// Several problems found in one run, reported together so that a user fixes
/// them in one pass instead of one run per mistake.
package protocol DiagnosticGroup: Error, Sendable, CustomStringConvertible {
    var diagnostics: [any Diagnostic] { get }
}

extension DiagnosticGroup {
    /// Each problem on its line, then how many there are.
    package var description: String {
        let noun = diagnostics.count == 1 ? "problem" : "problems"
        return (diagnostics.map(\.rendered) + ["\(diagnostics.count) \(noun) found."]).joined(separator: "\n")
    }
}
