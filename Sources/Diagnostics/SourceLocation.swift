/// Where a ``Diagnostic`` points: a file or folder as the user named it, and
/// the 1-based line and column when known.
package struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    package let file: String
    package let line: Int?
    /// Counted in Unicode scalars; only meaningful with a line.
    package let column: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = line == nil ? nil : column
    }

    /// `file`, `file:line` or `file:line:column`.
    package var description: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }
}
