/// Moderation cannot start: a dependency is missing. Says what to install.
package struct ModerationSetupError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package let fix: String
    package var description: String { "error: \(message) \(fix)" }
}
