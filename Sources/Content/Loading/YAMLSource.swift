import Yams

/// Parses YAML and turns Yams' errors into ``ContentIssue``s located in the
/// editor's file.
package enum YAMLSource {
    /// YAML's implicit types but the two that change what a file says: `null`
    /// (`title: ~` is no title) and `<<` (a merged mapping). Every value is read
    /// as text, so numbers, booleans and dates were only regular expressions to
    /// try on every key and value (Yams hashes each key to find duplicates):
    /// most of the time spent reading front matter.
    private static let resolver = Resolver.default.removing(.bool).removing(.int).removing(.float).removing(.timestamp).removing(.value)

    /// - Parameter lineOffset: lines of the file before the YAML text.
    package static func parse(_ text: String, file: String, lineOffset: Int) throws(ContentIssue) -> Node {
        let node: Node?
        do {
            // The encoding named: Yams' default reads the process environment on every call
            // (a tenth of loading time), and YAMS_DEFAULT_ENCODING would change how answers are read.
            node = try Yams.compose(yaml: FullWidthColons.afterKeys(in: text), resolver, .default, .utf8)
        } catch let error as YamlError {
            throw issue(for: error, file: file, lineOffset: lineOffset)
        } catch {
            throw ContentIssue(file: file, line: lineOffset + 1, message: "The YAML cannot be read: \(error).",
                               fix: "Check indentation and quoting.")
        }
        guard let node else {
            throw ContentIssue(file: file, line: lineOffset + 1, message: "The YAML is empty.",
                               fix: "Write the required keys, one `key: value` per line.")
        }
        return node
    }

    private static func issue(for error: YamlError, file: String, lineOffset: Int) -> ContentIssue {
        let fix = "Check the indentation, and put a value that contains `:` or starts with a symbol in quotes."
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ContentIssue(file: file, line: mark.line + lineOffset, message: "The YAML is malformed: \(problem).", fix: fix)
        default:
            return ContentIssue(file: file, line: lineOffset + 1, message: "The YAML is malformed: \(error).", fix: fix)
        }
    }
}
