/// A bad line in a lexicon file, located so an editor can fix it.
package struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    package let file: String
    package let line: Int?
    package let message: String
    package let fix: String

    package var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message) \(fix)"
    }
}

/// Every bad line of a lexicon, reported together.
package struct LexiconErrors: Error, Sendable, CustomStringConvertible {
    package let errors: [LexiconError]
    package var description: String { errors.map(\.description).joined(separator: "\n") }
}
