import Diagnostics

/// Moderation cannot start: a dependency is missing. Says what to install.
package struct ModerationSetupError: Diagnostic {
    package let message: String
    package let fix: String
    package var location: SourceLocation? { nil }
    package var hint: String? { fix }
}
