/// The parts of an answer file: YAML between two `---` lines, then Markdown.
struct FrontMatter {
    /// The YAML text, without the fences.
    let yaml: String
    /// The Markdown body.
    let body: String
    /// The 1-based line of the file where the body starts.
    let bodyLine: Int

    /// Splits `text`; throws when the file does not open with a front matter block.
    /// Works on UTF-8 bytes: a fence is a line of exactly `---` (a trailing CR allowed).
    init(splitting text: String, file: String) throws(ContentIssue) {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart <= bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let isFence = Self.isFence(bytes[lineStart..<lineEnd])
            if let start = yamlStart {
                if isFence {
                    yaml = String(decoding: bytes[start..<lineStart], as: UTF8.self)
                    body = lineEnd < bytes.count ? String(decoding: bytes[(lineEnd + 1)...], as: UTF8.self) : ""
                    bodyLine = lineNumber + 1
                    return
                }
            } else if isFence {
                yamlStart = min(lineEnd + 1, bytes.count)
            } else {
                throw ContentIssue(file: file, line: 1, message: "The answer has no front matter.",
                                   fix: "Start the file with a line `---`, the keys id, title, category and updated, and another `---`.")
            }
            lineStart = lineEnd + 1
        }
        throw ContentIssue(file: file, line: 1, message: "The front matter is never closed.",
                           fix: "Add a line `---` after the last front matter key.")
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.last == 0x0D ? line.dropLast() : line
        return trimmed.elementsEqual("---".utf8)
    }
}
