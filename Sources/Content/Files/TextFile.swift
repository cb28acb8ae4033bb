import Foundation
import Glibc

/// Reads a UTF-8 text file, reporting where an invalid byte sequence starts.
package enum TextFile {
    package static func read(_ path: String) throws(ContentIssue) -> String {
        try decode(try data(path), file: path)
    }

    /// The file's bytes, or an issue saying it cannot be read or is no file (a folder, a pipe, a device).
    package static func data(_ path: String) throws(ContentIssue) -> Data {
        switch contents(of: path) {
        case .some(.some(let data)):
            return data
        case .some(.none):
            throw ContentIssue(file: path, line: nil, message: "This is not a file but a folder, a pipe or a device, so it cannot be read as text.",
                               fix: "Put the text in an ordinary file, or remove this entry.")
        case .none:
            throw ContentIssue(file: path, line: nil, message: "The file cannot be read.",
                               fix: "Check that it exists and that you may read it.")
        }
    }

    /// The bytes of the regular file at `path` (a link followed), read to its end; `nil` when it cannot be opened
    /// or read, `.some(nil)` when it is no regular file. Read with `read` into a buffer of the size `fstat` gives:
    /// `FileManager`'s reading was a tenth of a `moderate` run whose files were all known.
    private static func contents(of path: String) -> Data?? {
        // Without waiting: a pipe named like an answer, opened to be read, waited for a writer for ever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .some(nil) }
        // One byte more than the size: a file that grew since is read on to its end.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(data.count, 4096) }
            let count = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
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
