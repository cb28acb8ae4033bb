import Review

/// What an account may do in the console.
package enum ConsoleRole: String, Codable, Sendable, CaseIterable {
    /// Writes answers and submits them for review.
    case editor
    /// Approves or rejects answers in their scopes.
    case reviewer
    /// Writes answers like an editor; listed as an editor in people.yml.
    case admin

    /// The role people.yml gives the person, which the build checks.
    package var personRole: Person.Role { self == .reviewer ? .reviewer : .editor }
    var edits: Bool { self != .reviewer }
    var decides: Bool { self == .reviewer }
}
