import Diagnostics

/// The preview cannot start.
package struct PreviewError: Diagnostic {
    package let message: String
    package var location: SourceLocation? { nil }
}
