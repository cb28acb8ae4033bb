import Content
import Crypto
import Foundation
import Markdown

enum FileBytes {
    static func read(_ path: String) throws(ContentIssue) -> [UInt8] {
        guard let bytes = RegularFile.bytes(path) else {
            throw ContentIssue(file: path, line: nil, message: "The file cannot be read.", fix: "Check that it exists.")
        }
        return bytes
    }

    /// The file's bytes, which must be those moderation and review saw (SHA-256 `checked`), not a file replaced during the build.
    static func read(_ path: String, checked: String?) throws(ContentIssue) -> [UInt8] {
        let bytes = try read(path)
        guard SHA256.hex(bytes) == checked else {
            throw ContentIssue(file: path, line: nil, message: "`\((path as NSString).lastPathComponent)` changed while the build was running.",
                               fix: "Build again.")
        }
        return bytes
    }
}
