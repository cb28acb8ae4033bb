import Diagnostics

/// Every bad line of a lexicon, reported together.
package struct LexiconErrors: DiagnosticGroup {
    package let errors: [LexiconError]
    package var diagnostics: [any Diagnostic] { errors }
}
