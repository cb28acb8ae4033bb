/// A failure to write the output, as opposed to a problem in the content.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String {
        "\(path): error: cannot write the output (\(reason)). Check free disk space and permissions; the previous output is unchanged."
    }
}
