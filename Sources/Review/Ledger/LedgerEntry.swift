import Foundation

/// One line of `reviews.jsonl`: an author's submission or a reviewer's
/// decision on one revision of an answer, signed with the person's key.
package struct LedgerEntry: Codable, Sendable, Equatable {
    package enum Decision: String, Codable, Sendable {
        /// The author's "this revision is mine and ready".
        case submitted
        case approved
        case rejected
    }

    /// `scope/id`, e.g. `province/flu-vaccine` or `nj/nj-night-clinic`.
    package let answer: String
    /// SHA-256 of the answer file's bytes the signer saw.
    package let sha256: String
    /// Fingerprint of the moderation findings the signer saw.
    package let findings: String
    package let decision: Decision
    /// The signer's name as people.yml gave it when signing; the key decides who it was.
    package let signer: String
    /// The signer's public key, `ed25519:<base64>`; `nil` on lines written before decisions were signed.
    package let key: String?
    package let note: String
    /// UTC, ISO 8601.
    package let time: String
    /// SHA-256 of the previous line's bytes; 64 zeros for the first line.
    package let previous: String
    /// Ed25519 signature (base64) of ``signedBytes``.
    package let signature: String?

    static let firstPrevious = String(repeating: "0", count: 64)

    enum CodingKeys: String, CodingKey {
        case answer, sha256, findings, decision, signer, key, note, time, previous, signature
        /// What the signer was called before lines were signed.
        case reviewer
    }

    init(answer: String, sha256: String, findings: String, decision: Decision, signer: String, key: String?,
         note: String, time: String, previous: String, signature: String?) {
        self.answer = answer
        self.sha256 = sha256
        self.findings = findings
        self.decision = decision
        self.signer = signer
        self.key = key
        self.note = note
        self.time = time
        self.previous = previous
        self.signature = signature
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        answer = try container.decode(String.self, forKey: .answer)
        sha256 = try container.decode(String.self, forKey: .sha256)
        findings = try container.decode(String.self, forKey: .findings)
        decision = try container.decode(Decision.self, forKey: .decision)
        signer = try container.decodeIfPresent(String.self, forKey: .signer) ?? container.decode(String.self, forKey: .reviewer)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        note = try container.decode(String.self, forKey: .note)
        time = try container.decode(String.self, forKey: .time)
        previous = try container.decode(String.self, forKey: .previous)
        signature = try container.decodeIfPresent(String.self, forKey: .signature)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(answer, forKey: .answer)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(findings, forKey: .findings)
        try container.encode(decision, forKey: .decision)
        try container.encode(signer, forKey: .signer)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encode(note, forKey: .note)
        try container.encode(time, forKey: .time)
        try container.encode(previous, forKey: .previous)
        try container.encodeIfPresent(signature, forKey: .signature)
    }

    /// What the signature covers: every field but the signature, in a fixed
    /// order, as one JSON array (so no field can run into the next).
    var signedBytes: Data {
        let fields = ["portal12320-ledger-1", answer, sha256, findings, decision.rawValue, signer, key ?? "", note, time, previous]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(fields)) ?? Data()
    }

    /// The time in China Standard Time, `2024-09-10 14:05`.
    package var chinaTime: String {
        let parser = ISO8601DateFormatter()
        guard let date = parser.date(from: time) else { return time }
        return ChinaTime.format(date)
    }
}
