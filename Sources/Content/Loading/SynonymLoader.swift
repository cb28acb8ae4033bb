import Foundation
import Moderation

/// Reads `search/synonyms.txt`: one group a line, words separated by spaces,
/// `、` or commas, `#` starting a comment. A missing file is no synonyms.
package enum SynonymLoader {
    package static func file(_ contentDirectory: String) -> String { contentDirectory + "/search/synonyms.txt" }

    /// - Parameter contentDirectory: the list (and its folder) must lie inside it, links resolved.
    package static func load(file: String, contentDirectory: String, issues: inout [ContentIssue]) -> [SynonymGroup] {
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        if let outside = FolderBoundary.issue(for: file, inside: contentDirectory, what: "synonym list") {
            issues.append(outside)
            return []
        }
        let text: String
        do {
            text = try TextFile.read(file)
        } catch {
            issues.append(error)
            return []
        }
        var groups: [SynonymGroup] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "、" || $0 == "," || $0 == "，" || $0 == "\r" }.map(String.init)
            guard !words.isEmpty else { continue }
            if words.count < 2 {
                issues.append(ContentIssue(file: file, line: index + 1, message: "The synonym group `\(words[0])` has one word only.",
                                           fix: "Write two or more words that mean the same on one line, e.g. `跌倒 摔跤 摔倒`."))
            } else if let empty = words.first(where: { !isSearchable($0) }) {
                issues.append(ContentIssue(file: file, line: index + 1, message: "The synonym `\(empty)` has nothing search can match: no Chinese character and no two letters or digits together.",
                                           fix: "Write words residents type, e.g. `跌倒` or `HIV`."))
            } else if let control = line.unicodeScalars.first(where: ControlCharacter.isForbiddenInText), control != "\r", control != "\t" {
                issues.append(ContentIssue(file: file, line: index + 1, message: "The line contains the invisible control character \(ControlCharacter.name(control)).",
                                           fix: "Write the words again without pasted control codes."))
            } else {
                groups.append(SynonymGroup(words: words, file: file, line: index + 1))
            }
        }
        return groups
    }

    /// Whether search makes a token of `word`: a Chinese character, or two ASCII (or full-width) letters or digits in a row.
    private static func isSearchable(_ word: String) -> Bool {
        var run = 0
        for scalar in word.unicodeScalars {
            if HanScript.contains(scalar) { return true }
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                run += 1
                if run >= 2 { return true }
            default:
                run = 0
            }
        }
        return false
    }
}
