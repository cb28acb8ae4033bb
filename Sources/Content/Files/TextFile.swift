import Foundation

/// Reads a UTF-8 text file, reporting where an invalid byte sequence starts.
package enum TextFile {
    package static func read(_ path: String) throws(ContentIssue) -> String {
        try decode(try data(path), file: path)
    }

    /// The file's bytes, or an issue saying it cannot be read or is no file (a folder, a pipe, a device).
    package static func data(_ path: String) throws(ContentIssue) -> Data {
        switch RegularFile.read(path, as: Data.self) {
        case .bytes(let data)?:
            return data
        case .notAFile?:
            throw ContentIssue(file: path, line: nil, message: "This is not a file but a folder, a pipe or a device, so it cannot be read as text.",
                               fix: "Put the text in an ordinary file, or remove this entry.")
        case nil:
            throw ContentIssue(file: path, line: nil, message: "The file cannot be read.",
                               fix: "Check that it exists and that you may read it.")
        }
    }

    /// The text of `data`, read from `file`, or an issue naming the line where it is not UTF-8.
    package static func decode(_ data: Data, file: String) throws(ContentIssue) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            // A byte order mark is invisible and breaks `---` detection.
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        throw ContentIssue(file: file, line: firstInvalidLine(data),
                           message: "The file is not valid UTF-8 text.",
                           fix: "Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8).")
    }

    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var lineOfScalar = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                lineOfScalar = line
            case .error:
                return lineOfScalar
            case .emptyInput:
                return line
            }
        }
    }
}
