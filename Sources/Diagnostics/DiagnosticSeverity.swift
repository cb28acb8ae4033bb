/// How serious a ``Diagnostic`` is.
package enum DiagnosticSeverity: String, Sendable, Equatable {
    /// The command cannot do what was asked; nothing was changed.
    case error
    /// Done, but something needs attention (a demo key, a changed people.yml).
    case warning
}
