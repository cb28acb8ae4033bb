import Diagnostics
/// Where the review ledger ended when a build or a release was made: its
/// number of entries and the SHA-256 of its last line. A later ledger must
/// hold this line at this place, or it was rewound (a decision removed).
package struct LedgerHead: Codable, Sendable, Equatable, CustomStringConvertible {
    package let lines: Int
    package let sha256: String

    package init(lines: Int, sha256: String) {
        self.lines = lines
        self.sha256 = sha256
    }

    package var description: String { "\(Plural.of(lines, "line")), last line sha256 \(sha256.prefix(16))…" }

    /// Whether a ledger with these line hashes holds this head at its place (was not rewound past it).
    func isHeld(by lineHashes: [String]) -> Bool {
        lines == 0 || (lines <= lineHashes.count && lineHashes[lines - 1] == sha256)
    }
}
