import Crypto
import Foundation

/// Every file of a site with its SHA-256 and size (`release-manifest.json`):
/// a deploy copies only what changed and verifies what it copied.
public struct ReleaseManifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let path: String
        public let sha256: String
        public let size: Int
    }

    public static let fileName = "release-manifest.json"

    public let domain: String
    /// The city's abbreviation from `portal.yml` (`nj`), as `deploy --city` names
    /// it; absent for the provincial hub.
    public let city: String?
    /// Sorted by path; the manifest itself is not listed.
    public let files: [Entry]
    /// Where the review ledger ended when the release was built: a later
    /// deploy must come from a ledger that extends it.
    public let ledger: LedgerHead?
    /// The people and review policy the release was built with (``LedgerRecord/trustFingerprint``).
    public let trust: String?

    public init(domain: String, city: String? = nil, files: [Entry], ledger: LedgerHead? = nil, trust: String? = nil) {
        self.domain = domain
        self.city = city
        self.files = files.sorted { $0.path < $1.path }
        self.ledger = ledger
        self.trust = trust
    }

    /// Identifies the release's content: the SHA-256 of the manifest's bytes.
    public var contentHash: String { SHA256.hex(encoded()) }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    public static func read(from file: String) -> ReleaseManifest? {
        FileManager.default.contents(atPath: file).flatMap { try? JSONDecoder().decode(ReleaseManifest.self, from: $0) }
    }
}
