import Foundation

/// One line of a lexicon file: `term`, optionally `<TAB>label`; `#` starts a comment.
struct LexiconLine {
    let term: String
    let label: String?

    init?(_ line: Substring) {
        var content = line
        if let hash = content.firstIndex(of: "#"), hash == content.startIndex || content[content.index(before: hash)].isWhitespace {
            content = content[..<hash]
        }
        let parts = content.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        let term = parts[0].trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { return nil }
        self.term = term
        let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        self.label = label.isEmpty ? nil : label
    }
}
