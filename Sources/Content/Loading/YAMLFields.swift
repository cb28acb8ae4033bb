import Foundation
import Yams

/// The keys of one YAML mapping with the lines they stand on, read with the
/// location of every problem so that messages point into the editor's file.
package struct YAMLFields {
    let file: String
    /// Added to Yams' 1-based lines: the line of the file where the YAML starts, minus one.
    let lineOffset: Int
    package let mappingLine: Int
    private(set) var values: [String: Node] = [:]
    private(set) var lines: [String: Int] = [:]
    package private(set) var issues: [ContentIssue] = []

    /// Reads `node` as a mapping whose keys must all be in `allowed`.
    package init(_ node: Node, file: String, lineOffset: Int, allowed: [String], what: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.mappingLine = (node.mark?.line ?? 1) + lineOffset
        guard let mapping = node.mapping else {
            issues.append(issue(at: mappingLine, "\(what) is not a list of `key: value` lines.",
                                "Write one `key: value` per line."))
            return
        }
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 1) + lineOffset
            guard let name = key.string, allowed.contains(name) else {
                let name = key.string ?? "?"
                issues.append(issue(at: line, "`\(name)` is not a known key of \(what).",
                                    "Use one of: \(allowed.joined(separator: ", ")).\(Self.suggestion(for: name, in: allowed))"))
                continue
            }
            if values[name] != nil {
                issues.append(issue(at: line, "`\(name)` is given twice.", "Keep one of them."))
            }
            values[name] = value
            lines[name] = line
        }
    }

    package func line(of key: String) -> Int { lines[key] ?? mappingLine }

    func issue(at line: Int, _ message: String, _ fix: String) -> ContentIssue {
        ContentIssue(file: file, line: line, message: message, fix: fix)
    }

    /// A required non-empty text value.
    package mutating func text(_ key: String, fix: String) -> String? {
        guard let node = values[key] else {
            issues.append(issue(at: mappingLine, "`\(key)` is missing.", fix))
            return nil
        }
        return scalarText(key, node)
    }

    /// An optional text value (`nil` when absent).
    package mutating func optionalText(_ key: String) -> String? {
        values[key].flatMap { scalarText(key, $0) }
    }

    /// An optional whole number in `range` (`nil` when absent or wrong, the latter reported).
    package mutating func optionalCount(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = optionalText(key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            issues.append(issue(at: line(of: key), "`\(key)` `\(text)` is not a whole number from \(range.lowerBound) to \(range.upperBound).",
                                "Write a number of days or links, e.g. `\(key): \(range.lowerBound == 0 ? 5 : 365)`."))
            return nil
        }
        return number
    }

    /// A list of texts; a single text is taken as a list of one.
    package mutating func textList(_ key: String) -> [String] {
        guard let node = values[key] else { return [] }
        if node.scalar != nil { return scalarText(key, node).map { [$0] } ?? [] }
        guard let sequence = node.sequence else {
            issues.append(issue(at: line(of: key), "`\(key)` must be a list.", "Write it as `\(key): [a, b]`."))
            return []
        }
        return sequence.compactMap { scalarText(key, $0) }
    }

    /// A list of mappings, e.g. `cities:`.
    mutating func mappings(_ key: String) -> [Node] {
        guard let node = values[key] else {
            issues.append(issue(at: mappingLine, "`\(key)` is missing.", "Add a `\(key):` list."))
            return []
        }
        guard let sequence = node.sequence else {
            issues.append(issue(at: line(of: key), "`\(key)` must be a list.", "Write each entry on a line starting with `- `."))
            return []
        }
        return Array(sequence)
    }

    mutating func absorb(_ other: YAMLFields) { issues += other.issues }

    /// Records a problem found in a value after reading it.
    package mutating func report(at line: Int, _ message: String, _ fix: String) {
        issues.append(issue(at: line, message, fix))
    }

    private mutating func scalarText(_ key: String, _ node: Node) -> String? {
        guard let scalar = node.scalar else {
            issues.append(issue(at: (node.mark?.line ?? 1) + lineOffset, "`\(key)` must be a single value.",
                                "Write it on one line after `\(key):`."))
            return nil
        }
        let value = scalar.string.trimmingWhiteSpace
        if value.isEmpty {
            issues.append(issue(at: line(of: key), "`\(key)` is empty.", "Give it a value."))
            return nil
        }
        // A plain `~` or `null` is YAML for "no value", not the text "~": without
        // this check `title: ~` would publish a page titled "~".
        if YAMLSource.isNull(node) {
            issues.append(issue(at: line(of: key), "`\(key)` has no value (`\(value)` means none in YAML).",
                                "Write the value after `\(key):`, or quote it (`\(key): \"\(value)\"`) if you mean that text."))
            return nil
        }
        if let control = value.unicodeScalars.first(where: ControlCharacter.isForbiddenInText) {
            issues.append(issue(at: line(of: key),
                                "`\(key)` contains the invisible control character \(ControlCharacter.name(control)).",
                                "Write the value on one line, without tabs, line breaks or pasted terminal codes."))
            return nil
        }
        return value
    }

    private static func suggestion(for name: String, in allowed: [String]) -> String {
        let close = allowed.min { editDistance(name, $0) < editDistance(name, $1) }
        guard let close, editDistance(name, close) <= 2 else { return "" }
        return " Did you mean `\(close)`?"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
