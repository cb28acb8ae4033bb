import Crypto
import Foundation
import Glibc

/// Seals what a build keeps for the next (its memory, its stamp, its record of the sites) with a key only this user's builds know
/// (`$XDG_CACHE_HOME/portal12320/cache-key`, else `~/.cache/…`, made once,
/// readable by its owner alone), and opens only what that key sealed. A
/// cache holds answers as read and their findings: one written by anybody
/// else — copied from another machine, committed by mistake, put there by
/// whoever can write the project folder but not this user's home — would
/// let text past moderation, so it is never opened, only ignored.
package struct CacheSeal: Sendable {
    /// The key's bytes (a `SymmetricKey` is made of them where used: it is not `Sendable`).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// The user's key, made on first use; `nil` when there is no home folder to keep it in (then nothing is cached).
    package static func user() -> CacheSeal? {
        userKeyFile().flatMap(keyFile)
    }

    /// Where the user's key is kept, when there is a home folder to keep it in.
    private static func userKeyFile() -> String? {
        userCacheFile("cache-key")
    }

    /// The file `name` in the user's cache folder (`$XDG_CACHE_HOME/portal12320/`, else `~/.cache/portal12320/`),
    /// when there is a home folder to keep it in.
    package static func userCacheFile(_ name: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["XDG_CACHE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil })
                ?? environment["HOME"].flatMap({ $0.hasPrefix("/") ? $0 + "/.cache" : nil })
        else { return nil }
        return base + "/portal12320/" + name
    }

    /// A warning when something is at `file` that cannot be the key (another user's, readable or
    /// writable by others, not a plain file, damaged): builds then keep nothing for the next, safely
    /// but slowly, and the user should know why. `nil` when the key is fine or not made yet.
    package static func problem(withKeyFile file: String) -> String? {
        var info = stat()
        guard lstat(file, &info) == 0, read(file) == nil else { return nil }
        return "\(file): warning: The key of portal12320's caches is not a file of yours that only you can read, so nothing is kept for the next run: each build makes every site, and `moderate` scans every file again. Remove it (a new one is made) or run `chmod 600` on it."
    }

    /// ``problem(withKeyFile:)`` for the user's key.
    package static var userKeyProblem: String? {
        userKeyFile().flatMap(problem(withKeyFile:))
    }

    /// The key in `file`, made there on first use.
    package static func keyFile(_ file: String) -> CacheSeal? {
        if let key = read(file) { return CacheSeal(key: key) }
        let folder = PathText.parent(of: file)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
            let written = fresh.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, fresh.count) }
            close(descriptor)
            if written != fresh.count { unlink(file) }
        }
        // Another build may have made it first: whichever key is in the file is the key.
        return read(file).map(CacheSeal.init(key:))
    }

    init(key: SymmetricKey) {
        keyBytes = key.withUnsafeBytes { Array($0) }
    }

    /// The key in `file`, if it is this user's own, readable by nobody else, and whole.
    private static func read(_ file: String) -> SymmetricKey? {
        var info = stat()
        guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid(),
            info.st_mode & 0o077 == 0, info.st_size == 32,
            let bytes = FileManager.default.contents(atPath: file), bytes.count == 32
        else { return nil }
        return SymmetricKey(data: bytes)
    }

    /// How many bytes of `sealed` are payload, if this key sealed it (the payload is not copied).
    package func open(_ sealed: [UInt8]) -> Int? {
        guard sealed.count >= 32 else { return nil }
        let end = sealed.count - 32
        guard HMAC<SHA256>.isValidAuthenticationCode(sealed[end...], authenticating: sealed[..<end], using: key) else { return nil }
        return end
    }

    /// `payload` followed by its 32-byte seal.
    package func seal(_ payload: [UInt8]) -> [UInt8] {
        payload + Array(HMAC<SHA256>.authenticationCode(for: payload, using: key))
    }

    /// The payload of the sealed file at `path`, if this key sealed it.
    package func payload(of path: String) -> [UInt8]? {
        guard let sealed = RegularFile.bytes(path) else { return nil }
        return open(sealed).map { Array(sealed[..<$0]) }
    }

    /// Writes `payload`, sealed, through a temporary file renamed over `path`.
    package func write(_ payload: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: PathText.parent(of: path), withIntermediateDirectories: true)
        try Data(seal(payload)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The value in the sealed JSON file at `path`, if this key sealed it and it decodes.
    package func json<Value: Decodable>(_ type: Value.Type, at path: String) -> Value? {
        guard let payload = payload(of: path) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(payload))
    }

    /// Writes `value` as sorted, indented JSON, sealed, through a temporary file renamed over `path`.
    package func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try write(Array(encoder.encode(value)) + [0x0A], to: path)
    }

    /// Writes a sealed file at `path` as the returned writer is given its
    /// bytes, through a temporary file renamed over `path` once sealed:
    /// never half a file. `nil` when the temporary file cannot be made.
    package func file(at path: String) -> SealedFile? {
        SealedFile(path: path, authenticator: HMAC<SHA256>(key: key))
    }
}
