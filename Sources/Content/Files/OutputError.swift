/// A failure to write the output, as opposed to a problem in the content.
package struct OutputError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String {
        "\(path): error: cannot write the output (\(reason)). Check free disk space and permissions; the previous output is unchanged."
    }
}
