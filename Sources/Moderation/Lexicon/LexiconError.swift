/// A bad line in a lexicon file, located so an editor can fix it.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String
    public let fix: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message) \(fix)"
    }
}

/// Every bad line of a lexicon, reported together.
public struct LexiconErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [LexiconError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
