import Content
import Foundation
import Markdown

enum FileBytes {
    static func read(_ path: String) throws(ContentIssue) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentIssue(file: path, line: nil, message: "The file cannot be read.", fix: "Check that it exists.")
        }
        return [UInt8](data)
    }
}
