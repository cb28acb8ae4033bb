import Diagnostics

/// What `check` tells editors about `search/synonyms.txt`, which they grow
/// from residents' words like the lexicon: how many groups it has, a word
/// written in two groups (a search for it would expand to both), and a group
/// no public answer uses any word of (it finds nothing yet).
package struct SynonymListReport: Sendable {
    package let groups: Int
    /// Warnings, at the line of the group.
    package let issues: [ContentIssue]

    package init(synonyms: [SynonymGroup], answers: [Answer]) {
        groups = synonyms.count
        var issues: [ContentIssue] = []
        var firstLine: [String: Int] = [:]
        for group in synonyms {
            for word in group.words.map({ $0.lowercased() }) {
                if let earlier = firstLine[word], earlier != group.line {
                    issues.append(ContentIssue(file: group.file, line: group.line,
                                               message: "The word `\(word)` is also in the synonym group on line \(earlier): a search for it expands to both groups.",
                                               fix: "Keep each word in one group, or merge the two lines.", severity: .warning))
                } else {
                    firstLine[word] = group.line
                }
            }
        }
        let texts = answers.filter { $0.visibility == .public }.map { ([$0.title, $0.body] + $0.tags).joined(separator: "\n").lowercased() }
        for group in synonyms where !group.words.contains(where: { word in texts.contains { $0.contains(word.lowercased()) } }) {
            issues.append(ContentIssue(file: group.file, line: group.line,
                                       message: "No public answer uses a word of the synonym group `\(group.words.joined(separator: " "))`: it finds nothing yet.",
                                       fix: "Add the word the answers use to the line, or remove the line.", severity: .warning))
        }
        self.issues = issues
    }
}
