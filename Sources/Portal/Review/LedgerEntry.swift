/// One reviewer decision, a line of `reviews.jsonl`.
public struct LedgerEntry: Codable, Sendable, Equatable {
    public enum Decision: String, Codable, Sendable {
        case approved
        case rejected
    }

    /// `scope/id`, e.g. `province/flu-vaccine` or `nj/nj-night-clinic`.
    public let answer: String
    /// SHA-256 of the answer file's bytes the reviewer saw.
    public let sha256: String
    /// Fingerprint of the moderation findings the reviewer saw.
    public let findings: String
    public let decision: Decision
    public let reviewer: String
    public let note: String
    /// UTC, ISO 8601.
    public let time: String
    /// SHA-256 of the previous line's bytes; 64 zeros for the first line.
    public let previous: String

    static let firstPrevious = String(repeating: "0", count: 64)
}
