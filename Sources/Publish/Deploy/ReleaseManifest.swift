import Content
import Crypto
import Foundation
import Review

/// Every file of a site with its SHA-256 and size (`release-manifest.json`):
/// a deploy copies only what changed and verifies what it copied.
package struct ReleaseManifest: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Equatable {
        package let path: String
        package let sha256: String
        package let size: Int

        package init(path: String, sha256: String, size: Int) {
            self.path = path
            self.sha256 = sha256
            self.size = size
        }
    }

    package static let fileName = "release-manifest.json"

    package let domain: String
    /// The city's abbreviation from `portal.yml` (`nj`), as `deploy --city` names
    /// it; absent for the provincial hub.
    package let city: String?
    /// Sorted by path; the manifest itself is not listed.
    package let files: [Entry]
    /// Where the review ledger ended when the release was built: a later
    /// deploy must come from a ledger that extends it.
    package let ledger: LedgerHead?
    /// The people and review policy the release was built with (``LedgerRecord/trustFingerprint``).
    package let trust: String?

    package init(domain: String, city: String? = nil, files: [Entry], ledger: LedgerHead? = nil, trust: String? = nil) {
        self.domain = domain
        self.city = city
        self.files = files.sorted { $0.path < $1.path }
        self.ledger = ledger
        self.trust = trust
    }

    /// Identifies the release's content: the SHA-256 of the manifest's bytes.
    package var contentHash: String { SHA256.hex(encoded()) }

    package func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    package static func read(from file: String) -> ReleaseManifest? {
        FileManager.default.contents(atPath: file).flatMap { try? JSONDecoder().decode(ReleaseManifest.self, from: $0) }
    }
}
