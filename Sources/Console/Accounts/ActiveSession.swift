import Review

/// A logged-in person, as each request finds them: account, CSRF token and
/// the signing key unlocked for this session.
struct ActiveSession: Sendable {
    let account: ConsoleAccount
    let csrf: String
    let key: SigningKey
    let tokenHash: String
}
