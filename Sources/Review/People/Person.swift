import Content
import Crypto

/// Someone who may write or decide: an entry of `Content/people.yml`.
package struct Person: Sendable, Equatable {
    package enum Role: String, Sendable, CaseIterable {
        /// Writes answers and submits them for review.
        case editor
        /// Approves or rejects answers in their scopes (article 37).
        case reviewer
    }

    package let name: String
    package let role: Role
    /// `province` and/or city abbreviations.
    package let scopes: Set<String>
    /// `ed25519:<base64 of the 32-byte public key>`.
    package let key: String
    /// The line of people.yml the entry starts on.
    package let line: Int
    /// From this day on (China Standard Time) the person's lines no longer
    /// count: an account that was disabled. What they decided before stands.
    package let until: Day?

    package init(name: String, role: Role, scopes: Set<String>, key: String, line: Int, until: Day? = nil) {
        self.name = name
        self.role = role
        self.scopes = scopes
        self.key = key
        self.line = line
        self.until = until
    }

    /// Whether this person's scopes cover an answer of `scope`: provincial
    /// answers need `province`, a city's answers that city (or `province`:
    /// the provincial centre reviews for every city).
    package func covers(_ scope: Scope) -> Bool {
        switch scope {
        case .province, .media: scopes.contains("province")
        case .city(let abbr): scopes.contains(abbr) || scopes.contains("province")
        }
    }

    /// The entry as it stands in people.yml.
    package var yaml: String {
        "- name: \(name)\n  role: \(role.rawValue)\n  scopes: [\(scopes.sorted().joined(separator: ", "))]\n  key: \(key)\n"
            + (until.map { "  until: \($0)\n" } ?? "")
    }
}
