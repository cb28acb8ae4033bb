import Diagnostics

/// An output folder a build must not write to: replacing it would destroy
/// something that is not a previous build (the content, the theme, the
/// project, or files the user keeps there).
package struct OutputRefusal: Diagnostic {
    /// The output folder as the user named it.
    package let path: String
    /// What the folder is, e.g. "it is the content folder".
    package let reason: String
    package let fix: String

    package var location: SourceLocation? { SourceLocation(file: path) }
    package var message: String { "will not build into this folder: \(reason)." }
    package var hint: String? { fix }
}
