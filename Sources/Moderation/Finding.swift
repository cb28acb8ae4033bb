

/// One thing moderation found in a text, located in the text as written.
package struct Finding: Sendable, Equatable, Codable {
    package let rule: Rule
    package let severity: Severity
    /// The lexicon entry, for lexicon rules.
    package let term: String?
    /// The original text, evasions included.
    package let matched: String
    /// 1-based line and column, counted in Unicode scalars of the text as written.
    package let line: Int
    package let column: Int
    package let label: String?

    package init(rule: Rule, term: String?, matched: String, line: Int, column: Int, label: String?) {
        self.rule = rule
        self.severity = rule.severity
        self.term = term
        self.matched = matched
        self.line = line
        self.column = column
        self.label = label
    }

    /// The same finding placed at another line and column (a finding in what
    /// readers see, moved to where its source stands).
    func located(line: Int, column: Int) -> Finding {
        Finding(rule: rule, term: term, matched: matched, line: line, column: column, label: label)
    }
}
