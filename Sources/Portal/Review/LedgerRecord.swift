import Crypto
import Foundation

/// What a build records of the review ledger and of people.yml beside the
/// sites (`review-ledger.json`, never deployed): the head, every line's hash
/// (so a deploy can tell that this ledger extends the one of the release
/// online), and the roster, so the next build can print what changed in it.
public struct LedgerRecord: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let name: String
        public let role: String
        public let scopes: [String]
        public let key: String
    }

    public static let fileName = "review-ledger.json"

    public let head: LedgerHead
    public let lineHashes: [String]
    public let people: [Entry]
    /// `review:` of portal.yml: `all` or `flagged`.
    public let reviewPolicy: String?

    init(ledger: ReviewLedger, roster: Roster, reviewPolicy: ReviewPolicy) {
        head = ledger.head
        lineHashes = ledger.lineHashes
        people = roster.people.map { Entry(name: $0.name, role: $0.role.rawValue, scopes: $0.scopes.sorted(), key: $0.key) }
        self.reviewPolicy = reviewPolicy.rawValue
    }

    /// What decides who may approve, in one hash: the people (names, roles,
    /// scopes, keys) and the review policy. Each release manifest carries it,
    /// so a deploy notices when it changed since the release online.
    public var trustFingerprint: String {
        let lines = people.map { "\($0.key)\t\($0.role)\t\($0.scopes.joined(separator: ","))\t\($0.name)" }.sorted()
        return SHA256.hex(Array(((reviewPolicy ?? "") + "\n" + lines.joined(separator: "\n")).utf8))
    }

    /// The roster as recorded.
    var roster: Roster {
        Roster(people: people.enumerated().map { index, entry in
            Person(name: entry.name, role: Person.Role(rawValue: entry.role) ?? .editor, scopes: Set(entry.scopes), key: entry.key, line: index)
        })
    }

    /// Whether the recorded ledger holds `head` at its place (it was not rewound since).
    public func extends(_ head: LedgerHead) -> Bool {
        head.isHeld(by: lineHashes)
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    /// The record in a build output folder, if there is one.
    public static func read(outputDirectory: String) -> LedgerRecord? {
        FileManager.default.contents(atPath: "\(outputDirectory)/\(fileName)").flatMap { try? JSONDecoder().decode(LedgerRecord.self, from: $0) }
    }

    /// What the previous build into `outputDirectory` recorded: its record, and
    /// the head — the record's, or, when the record is gone, the newest head its
    /// site manifests carry.
    /// - Throws: ``ContentErrors`` when the record is there but unreadable (a damaged
    ///   record must not pass for a first build).
    static func previous(in outputDirectory: String) throws(ContentErrors) -> (record: LedgerRecord?, head: LedgerHead?) {
        let file = "\(outputDirectory)/\(fileName)"
        if let data = FileManager.default.contents(atPath: file) {
            guard let record = try? JSONDecoder().decode(LedgerRecord.self, from: data) else {
                throw ContentErrors([ContentIssue(file: file, line: nil,
                                                  message: "The record of the previous build's review ledger is damaged, so a rewound ledger could not be noticed.",
                                                  fix: "Build into a new, empty output folder, and deploy from it: the deploy compares with the release online.")])
            }
            return (record, record.head)
        }
        let sites = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        let head = sites.compactMap { ReleaseManifest.read(from: "\(outputDirectory)/\($0)/\(ReleaseManifest.fileName)")?.ledger }
            .max { $0.lines < $1.lines }
        return (nil, head)
    }
}
