/// Moderation cannot start: a dependency is missing. Says what to install.
public struct ModerationSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let fix: String
    public var description: String { "error: \(message) \(fix)" }
}
