import Foundation
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
        "- name: \(Self.yamlScalar(name))\n  role: \(role.rawValue)\n  scopes: [\(scopes.sorted().joined(separator: ", "))]\n  key: \(key)\n"
            + (until.map { "  until: \($0)\n" } ?? "")
    }

    /// Whether `name` can stand as a person's name in people.yml and on decisions: not empty, no
    /// surrounding spaces, no line break, `:`, `#` or control character.
    package static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name == name.trimmingCharacters(in: .whitespaces)
            && !name.contains(where: { $0.isNewline || $0 == ":" || $0 == "#" || $0.unicodeScalars.contains(where: ControlCharacter.isForbiddenInText) })
    }

    /// `text` as a YAML value that reads back as exactly `text`: plain when it is
    /// letters and digits with inner spaces, dots, hyphens or a middle dot
    /// (`王审核`, `Li Wei`); otherwise a double-quoted string (JSON's escapes are YAML's).
    static func yamlScalar(_ text: String) -> String {
        let plain = text.first.map { $0.isLetter } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || " .-_·".contains($0) }
            && text.last.map { $0 != " " } == true
            && !["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
        guard !plain else { return text }
        let encoded = (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) }
        return encoded ?? "\"\""
    }
}
