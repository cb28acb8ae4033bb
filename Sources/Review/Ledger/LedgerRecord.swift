import Content
import Crypto
import Foundation

/// What a build records of the review ledger and of people.yml beside the
/// sites (`review-ledger.json`, never deployed): the head, every line's hash
/// (so a deploy can tell that this ledger extends the one of the release
/// online), and the roster, so the next build can print what changed in it.
package struct LedgerRecord: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Equatable {
        package let name: String
        package let role: String
        package let scopes: [String]
        package let key: String
    }

    package static let fileName = OutputLayout.ledgerRecord

    package let head: LedgerHead
    package let lineHashes: [String]
    package let people: [Entry]
    /// `review:` of portal.yml: `all` or `flagged`.
    package let reviewPolicy: String?

    package init(ledger: ReviewLedger, roster: Roster, reviewPolicy: ReviewPolicy) {
        head = ledger.head
        lineHashes = ledger.lineHashes
        people = roster.people.map { Entry(name: $0.name, role: $0.role.rawValue, scopes: $0.scopes.sorted(), key: $0.key) }
        self.reviewPolicy = reviewPolicy.rawValue
    }

    /// What decides who may approve, in one hash: the people (names, roles,
    /// scopes, keys) and the review policy. Each release manifest carries it,
    /// so a deploy notices when it changed since the release online.
    package var trustFingerprint: String {
        let lines = people.map { "\($0.key)\t\($0.role)\t\($0.scopes.joined(separator: ","))\t\($0.name)" }.sorted()
        return SHA256.hex(Array(((reviewPolicy ?? "") + "\n" + lines.joined(separator: "\n")).utf8))
    }

    /// The roster as recorded.
    package var roster: Roster {
        Roster(people: people.enumerated().map { index, entry in
            Person(name: entry.name, role: Person.Role(rawValue: entry.role) ?? .editor, scopes: Set(entry.scopes), key: entry.key, line: index)
        })
    }

    /// Whether the recorded ledger holds `head` at its place (it was not rewound since).
    package func extends(_ head: LedgerHead) -> Bool {
        head.isHeld(by: lineHashes)
    }

    package func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    /// The record in a build output folder, if there is one.
    package static func read(outputDirectory: String) -> LedgerRecord? {
        FileManager.default.contents(atPath: "\(outputDirectory)/\(fileName)").flatMap { try? JSONDecoder().decode(LedgerRecord.self, from: $0) }
    }
}
