/// The parts of an answer file: YAML between two `---` lines, then Markdown.
struct FrontMatter {
    /// The YAML text, without the fences.
    let yaml: String
    /// The Markdown body.
    let body: String
    /// The 1-based line of the file where the body starts.
    let bodyLine: Int

    /// Splits `text`; throws when the file does not open with a front matter block.
    init(splitting text: String, file: String) throws(ContentIssue) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), first.trimmingSuffix("\r") == "---" else {
            throw ContentIssue(file: file, line: 1, message: "The answer has no front matter.",
                               fix: "Start the file with a line `---`, the keys id, title, category and updated, and another `---`.")
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if line.trimmingSuffix("\r") == "---" {
                yaml = yamlLines.joined(separator: "\n")
                bodyLine = lineNumber + 1
                var rest: [Substring] = []
                while let line = lines.next() { rest.append(line) }
                body = rest.joined(separator: "\n")
                return
            }
            yamlLines.append(line)
        }
        throw ContentIssue(file: file, line: 1, message: "The front matter is never closed.",
                           fix: "Add a line `---` after the last front matter key.")
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        last == suffix ? dropLast() : self
    }
}
