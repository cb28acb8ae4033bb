import Content
import Crypto
import Foundation
import HummingbirdBcrypt
import Review

/// Logins and sessions. A session's token lives only in the browser's cookie
/// (the database keeps its SHA-256); the account's signing key, unlocked with
/// the password at login, is kept for the session sealed with a key derived
/// from that token. Five failed logins for a name within 15 minutes lock the
/// name for the rest of that window, whatever the password.
struct ConsoleSessions: Sendable {
    let store: ConsoleStore
    static let lifetime: TimeInterval = 12 * 3600
    static let failureWindow: TimeInterval = 15 * 60
    static let allowedFailures = 5
    /// Verified against for unknown names, so that they take as long as known ones (the cost accounts are made with).
    private static let decoy = Bcrypt.hash("portal12320 decoy password", cost: 12)
    /// Longer names are no account's: refused before anything is looked up or stored.
    static let longestName = 64

    enum Refusal: Error {
        case wrongCredentials
        case throttled
    }

    /// A new session for `name`, and its token for the cookie.
    func login(name: String, password: String, now: Date = Date()) throws -> (token: String, session: ActiveSession) {
        guard name.count <= Self.longestName, password.utf8.count <= 1024 else { throw Refusal.wrongCredentials }
        let since = now.addingTimeInterval(-Self.failureWindow)
        guard try store.failures(name, since: since) < Self.allowedFailures else { throw Refusal.throttled }
        let account = try store.account(named: name)
        let matches = Bcrypt.verify(password, hash: account?.passwordHash ?? Self.decoy)
        guard let account, matches, !account.disabled,
            let key = try? SealedSigningKey.open(account.sealedKey, salt: account.keySalt, password: password)
        else {
            // Only accounts' failures are kept (a name nobody has cannot log in anyway): the table stays small.
            if account != nil { try store.recordFailure(name, at: now, countingSince: since) }
            throw Refusal.wrongCredentials
        }
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let stored = ConsoleStore.StoredSession(tokenHash: Self.hash(token), name: account.name, csrf: csrf,
                                                sealedKey: try SealedSigningKey.seal(key, with: SealedSigningKey.sessionKey(token: token)),
                                                expires: now.addingTimeInterval(Self.lifetime))
        try store.insert(stored)
        return (token, ActiveSession(account: account, csrf: csrf, key: key, tokenHash: stored.tokenHash))
    }

    /// The session a cookie's token names, if it is current and its account enabled.
    func session(token: String, now: Date = Date()) throws -> ActiveSession? {
        guard let stored = try store.session(tokenHash: Self.hash(token), now: now),
            let account = try store.account(named: stored.name), !account.disabled,
            let key = try? SealedSigningKey.open(stored.sealedKey, with: SealedSigningKey.sessionKey(token: token))
        else { return nil }
        return ActiveSession(account: account, csrf: stored.csrf, key: key, tokenHash: stored.tokenHash)
    }

    func logout(_ session: ActiveSession) throws {
        try store.deleteSession(tokenHash: session.tokenHash)
    }

    static func hash(_ token: String) -> String {
        SHA256.hex(Data(token.utf8))
    }

    /// 32 random bytes, URL-safe base64.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
