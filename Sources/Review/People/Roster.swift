import Content
import Foundation
import Yams

/// `Content/people.yml`: who may write and who may decide, in which scopes,
/// with which public key. A decision counts only when signed by a key listed
/// here with the role and scope it needs.
package struct Roster: Sendable, Equatable {
    package let people: [Person]

    package init(people: [Person]) {
        self.people = people
    }

    /// The person whose public key is `key` (`ed25519:<base64>`).
    package func person(withKey key: String) -> Person? {
        people.first { $0.key == key }
    }

    package static func file(_ contentDirectory: String) -> String { contentDirectory + "/people.yml" }

    /// Reads people.yml; a missing file is an empty roster (then no decision counts).
    /// - Throws: ``ContentErrors`` for every malformed entry, with its line.
    package static func load(file: String, cities: Set<String>) throws(ContentErrors) -> Roster {
        guard FileManager.default.fileExists(atPath: file) else { return Roster(people: []) }
        let root: Node
        do {
            root = try YAMLSource.parse(try TextFile.read(file), file: file, lineOffset: 0)
        } catch {
            throw ContentErrors([error])
        }
        guard let entries = root.sequence else {
            throw ContentErrors([ContentIssue(file: file, line: 1, message: "people.yml is not a list of people.",
                                              fix: "Write each person as `- name: …` with role, scopes and key (see `portal12320 key new`).")])
        }
        var issues: [ContentIssue] = []
        var people: [Person] = []
        for node in entries {
            var fields = YAMLFields(node, file: file, lineOffset: 0, allowed: ["name", "role", "scopes", "key", "until"], what: "a person")
            let name = fields.text("name", fix: "Give the person's name as it should appear on decisions.")
            let roleText = fields.text("role", fix: "Use `editor` or `reviewer`.")
            let scopes = fields.textList("scopes")
            let key = fields.text("key", fix: "Paste the `key:` line that `portal12320 key new` printed.")
            let role = roleText.flatMap(Person.Role.init(rawValue:))
            let untilText = fields.optionalText("until")
            let until = untilText.flatMap(Day.init)
            if let untilText, until == nil {
                fields.report(at: fields.line(of: "until"), "`until: \(untilText)` is not a date.",
                              "Write the first day the person may no longer decide as YYYY-MM-DD, e.g. 2026-12-01.")
            }
            if let roleText, role == nil {
                fields.report(at: fields.line(of: "role"), "Unknown role `\(roleText)`.", "Use `editor` or `reviewer`.")
            }
            if scopes.isEmpty {
                fields.report(at: fields.line(of: "scopes"), "`scopes` is missing or empty.", "Write e.g. `scopes: [province]` or `scopes: [nj]`.")
            }
            for scope in scopes where scope != "province" && !cities.contains(scope) {
                fields.report(at: fields.line(of: "scopes"), "`\(scope)` is neither `province` nor a city abbreviation.",
                              "Use `province` or one of: \(cities.sorted().joined(separator: ", ")).")
            }
            if let key, SigningKey.publicKey(from: key) == nil {
                fields.report(at: fields.line(of: "key"), "The key is not an Ed25519 public key (`ed25519:<base64>`).",
                              "Paste the `key:` line that `portal12320 key new` printed.")
            }
            if let name, people.contains(where: { $0.name == name }) {
                fields.report(at: fields.line(of: "name"), "`\(name)` is listed twice.", "Keep one entry per person.")
            }
            if let key, people.contains(where: { $0.key == key }) {
                fields.report(at: fields.line(of: "key"), "This key is already another person's.", "Each person signs with a key of their own.")
            }
            issues += fields.issues
            guard fields.issues.isEmpty, let name, let role, let key else { continue }
            people.append(Person(name: name, role: role, scopes: Set(scopes), key: key, line: fields.mappingLine, until: until))
        }
        try ContentErrors.check(issues)
        return Roster(people: people)
    }

    /// The public keys of `demo-keys/`, whose private keys anyone can read.
    static let demoKeys: Set<String> = [
        "ed25519:/1BpIAmYt7g1u9hbeVsptPLzBfuLO7quzq7Uhgn+vdw=", "ed25519:+/IPwCUVyUmjZ779z8tcqZa1NINhxgkKZkOh99C8F44=",
        "ed25519:oJrMzmokeG6xU7pAQ/QfmlsaXXReLPgmE/CQunsPhD4=", "ed25519:ndJ86cf+Ux7M3ZzYs/HVDdv1nkvsbHgACv+IOPVycrI=",
    ]

    /// One warning per person whose key is a public demo key.
    func demoKeyWarnings(file: String) -> [String] {
        people.filter { Self.demoKeys.contains($0.key) }.map {
            "\(file):\($0.line): warning: \($0.name)'s key is a DEMO key of demo-keys/, whose private half is public: anyone can sign as \($0.name). Replace it before going live."
        }
    }

    /// What changed from `previous` to this roster, one sentence a change.
    package func changes(since previous: Roster) -> [String] {
        var lines: [String] = []
        let before = Dictionary(uniqueKeysWithValues: previous.people.map { ($0.key, $0) })
        let after = Dictionary(uniqueKeysWithValues: people.map { ($0.key, $0) })
        for person in people {
            guard let old = before[person.key] else {
                lines.append("added \(person.name) (\(person.role.rawValue), scopes \(person.scopes.sorted().joined(separator: ",")))")
                continue
            }
            if old.name != person.name || old.role != person.role || old.scopes != person.scopes || old.until != person.until {
                func described(_ person: Person) -> String {
                    "\(person.name): \(person.role.rawValue) [\(person.scopes.sorted().joined(separator: ","))]"
                        + (person.until.map { " until \($0)" } ?? "")
                }
                lines.append("changed \(described(old)) → \(described(person))")
            }
        }
        for person in previous.people where after[person.key] == nil {
            lines.append("removed \(person.name) (\(person.role.rawValue))")
        }
        return lines
    }
}
