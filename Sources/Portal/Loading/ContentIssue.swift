/// One problem found in the content, templates or lexicon, located so that an
/// editor can open the file at the right line and knows what to change.
public struct ContentIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (e.g. `Content/answers/nj/fever.md`).
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    /// What is wrong.
    public let message: String
    /// What to do about it.
    public let fix: String

    public init(file: String, line: Int?, message: String, fix: String) {
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// `file:line: error: message fix`, the form compilers use, so editors and
    /// terminals can jump to it.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): error: \(message) \(fix)"
    }
}

/// Every problem of one run, reported together so an editor fixes them in
/// one pass instead of one build per mistake.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public let issues: [ContentIssue]

    public init(_ issues: [ContentIssue]) {
        self.issues = issues.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return (issues.map(\.description) + ["\(issues.count) \(noun) found."])
            .joined(separator: "\n")
    }

    /// Throws when `issues` is not empty.
    static func check(_ issues: [ContentIssue]) throws(ContentErrors) {
        if !issues.isEmpty { throw ContentErrors(issues) }
    }
}
