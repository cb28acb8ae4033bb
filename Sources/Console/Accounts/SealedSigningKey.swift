import Crypto
import Foundation
import Review
import _CryptoExtras

/// A signing key at rest: AES-GCM under a key derived from the account's
/// password (PBKDF2-SHA256), so the database alone signs nothing; and, for a
/// session, under a key derived from the session's token, which only the
/// browser's cookie holds.
enum SealedSigningKey {
    /// PBKDF2 rounds: the minimum swift-crypto accepts for a password.
    static let rounds = 210_000

    struct Unreadable: Error {}

    static func seal(_ key: SigningKey, password: String) throws -> (salt: Data, sealed: Data) {
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
        return (salt, try seal(key, with: try passwordKey(password, salt: salt)))
    }

    static func open(_ sealed: Data, salt: Data, password: String) throws -> SigningKey {
        try open(sealed, with: try passwordKey(password, salt: salt))
    }

    static func seal(_ key: SigningKey, with symmetricKey: SymmetricKey) throws -> Data {
        guard let combined = try AES.GCM.seal(key.rawRepresentation, using: symmetricKey).combined else { throw Unreadable() }
        return combined
    }

    static func open(_ sealed: Data, with symmetricKey: SymmetricKey) throws -> SigningKey {
        let raw = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: symmetricKey)
        guard let key = SigningKey(rawRepresentation: raw) else { throw Unreadable() }
        return key
    }

    /// The key a session token unlocks its copy of the signing key with.
    static func sessionKey(token: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(token.utf8)), info: Data("portal12320 console session".utf8),
                               outputByteCount: 32)
    }

    private static func passwordKey(_ password: String, salt: Data) throws -> SymmetricKey {
        try KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
    }
}
