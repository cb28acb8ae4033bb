import Diagnostics
import Review

extension ModerationReport {
    /// Compiler-style lines, each followed by the source line with the match underlined.
    func text() -> String {
        var output = ""
        for document in documents {
            output += FindingsText.render(document.findings, in: document.text, path: document.path)
        }
        output += "\(Plural.of(summary.documents, "file")) scanned: \(summary.block) blocking, \(summary.review) for review"
            + (summary.info > 0 ? ", \(summary.info) public contacts of the directory" : "") + ".\n"
        return output
    }
}
