import Yams

/// Parses YAML and turns Yams' errors into ``ContentIssue``s located in the
/// editor's file.
package enum YAMLSource {
    /// No implicit type: every value is read as text, and the one implicit
    /// type that changes what a file says, `null` (`title: ~` is no title), is
    /// told by ``isNull(_:)``. (`<<`, a merged mapping, is a key no file may
    /// have.) Yams tried each implicit type's regular expression on every key
    /// it hashed to find duplicates and on every value: most of the time spent
    /// reading front matter, then still a thirtieth of `moderate`'s with only
    /// `null` and `<<` left.
    private static let resolver = Resolver.basic

    /// YAML 1.1's implicit nulls, as Yams' default resolver has them.
    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL", ""]

    /// Whether `node` is YAML's "no value": an unquoted `~`, `null` (or
    /// `Null`, `NULL`) or nothing, or a value tagged `!!null`. (An unquoted
    /// one under any other tag, `!!str null`, counts too: the editor is told to quote it.)
    package static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return node.tag.description == Tag.Name.null.rawValue || (scalar.style == .plain && nullWords.contains(scalar.string))
    }

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
