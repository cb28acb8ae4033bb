import Foundation
import GRDB

/// One person's console account: their password's bcrypt hash and their
/// Ed25519 signing key, sealed with a key derived from the password (see
/// ``SealedSigningKey``); the same person is in people.yml with the public key.
package struct ConsoleAccount: Codable, Sendable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "account"

    package let name: String
    package let role: ConsoleRole
    /// `province` and/or city abbreviations, comma-separated.
    let scopeList: String
    let passwordHash: String
    /// `ed25519:<base64>`, as in people.yml.
    package let publicKey: String
    let keySalt: Data
    let sealedKey: Data
    package var disabled: Bool

    package var scopes: [String] { scopeList.split(separator: ",").map(String.init) }

    init(name: String, role: ConsoleRole, scopes: [String], passwordHash: String, publicKey: String, keySalt: Data, sealedKey: Data) {
        self.name = name
        self.role = role
        scopeList = scopes.sorted().joined(separator: ",")
        self.passwordHash = passwordHash
        self.publicKey = publicKey
        self.keySalt = keySalt
        self.sealedKey = sealedKey
        disabled = false
    }
}
