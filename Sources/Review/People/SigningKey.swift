import Crypto
import Diagnostics
import Foundation
import Glibc

/// A person's Ed25519 private key, kept in a file of their own (mode 0600):
/// what makes a ledger line theirs.
package struct SigningKey: Sendable {
    /// The private key's 32 bytes (the Crypto type is not Sendable).
    private let raw: Data

    private var privateKey: Curve25519.Signing.PrivateKey {
        // 32 bytes were checked when the key was made or read.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// The file's first line: the format, so a key file is recognised as one.
    static let header = "portal12320 ed25519 private key"

    /// A new random key.
    package init() {
        raw = Curve25519.Signing.PrivateKey().rawRepresentation
    }

    private init(raw: Data) {
        self.raw = raw
    }

    /// The key from its 32 raw bytes (as sealed in the console's database), or `nil` for other bytes.
    package init?(rawRepresentation: Data) {
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)) != nil else { return nil }
        raw = rawRepresentation
    }

    /// The private key's 32 bytes, for sealing them; never written anywhere in the clear.
    package var rawRepresentation: Data { raw }

    /// `ed25519:<base64>`, as people.yml names it.
    package var publicKey: String { Self.text(of: privateKey.publicKey) }

    static func text(of key: Curve25519.Signing.PublicKey) -> String {
        "ed25519:" + key.rawRepresentation.base64EncodedString()
    }

    /// The public key named by `text` (`ed25519:<base64>`), or `nil`.
    static func publicKey(from text: String) -> Curve25519.Signing.PublicKey? {
        guard text.hasPrefix("ed25519:"), let raw = Data(base64Encoded: String(text.dropFirst(8))), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    func signature(for bytes: Data) throws -> Data {
        try privateKey.signature(for: bytes)
    }

    /// Writes the key to `path`, readable by its owner only. Never overwrites.
    /// - Throws: ``SigningKeyError`` when the file exists or cannot be written.
    package func write(to path: String) throws(SigningKeyError) {
        let text = "\(Self.header)\n\(raw.base64EncodedString())\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw SigningKeyError(path: path, reason: errno == EEXIST
                ? "the file exists; a key is never overwritten. Choose another file name."
                : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard fchmod(descriptor, 0o600) == 0, Glibc.write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            throw SigningKeyError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Reads a key file written by ``write(to:)``.
    /// - Throws: ``SigningKeyError`` naming the file and what is wrong.
    package static func read(from path: String) throws(SigningKeyError) -> SigningKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningKeyError(path: path, reason: "the key file cannot be read. Give the file `portal12320 key new` wrote.")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count == 2, lines[0] == header, let raw = Data(base64Encoded: lines[1]), raw.count == 32,
            (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else {
            throw SigningKeyError(path: path, reason: "this is not a portal12320 key file. Give the file `portal12320 key new` wrote.")
        }
        return SigningKey(raw: raw)
    }
}
