/// An output folder a build must not write to: replacing it would destroy
/// something that is not a previous build (the content, the theme, the
/// project, or files the user keeps there).
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    /// The output folder as the user named it.
    public let path: String
    /// What the folder is, e.g. "it is the content folder".
    public let reason: String
    public let fix: String

    public var description: String {
        "\(path): error: will not build into this folder: \(reason). \(fix)"
    }
}
