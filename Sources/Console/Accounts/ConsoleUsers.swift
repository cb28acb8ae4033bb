import Content
import Foundation
import HummingbirdBcrypt
import Review

/// `console user add | disable | list`: accounts in the console's database,
/// each one a person of people.yml, so what the console signs counts in the
/// build exactly like lines written by `review`.
package struct ConsoleUsers: Sendable {
    let store: ConsoleStore
    let contentDirectory: String
    /// bcrypt's cost: 12 for people; tests pass less so that they run quickly.
    let bcryptCost: UInt8

    package init(store: ConsoleStore, contentDirectory: String, bcryptCost: UInt8 = 12) {
        self.store = store
        self.contentDirectory = contentDirectory
        self.bcryptCost = bcryptCost
    }

    /// Why an account cannot be made or changed, in words for the provincial centre.
    package struct Refusal: Error, CustomStringConvertible {
        package let description: String
    }

    /// Creates the account and its key, and adds the person to people.yml.
    @discardableResult
    package func add(name: String, role: ConsoleRole, scopes: [String], password: String) throws -> ConsoleAccount {
        guard Person.isPlainName(name) else {
            throw Refusal(description: "The name must be a plain name, without line breaks, `:` or `#`.")
        }
        guard name.count <= ConsoleSessions.longestName else {
            throw Refusal(description: "The name must have at most \(ConsoleSessions.longestName) characters.")
        }
        guard password.count >= 10 else { throw Refusal(description: "The password must have at least 10 characters.") }
        let province = try ProvinceLoader.load(file: contentDirectory + "/portal.yml")
        let cities = Set(province.cities.map(\.abbr))
        guard !scopes.isEmpty, let wrong = Optional(scopes.filter { $0 != "province" && !cities.contains($0) }), wrong.isEmpty else {
            throw Refusal(description: "A scope is `province` or a city abbreviation of portal.yml (\(cities.sorted().joined(separator: ", "))).")
        }
        let rosterFile = Roster.file(contentDirectory)
        let roster = try Roster.load(file: rosterFile, cities: cities)
        let existing = try store.account(named: name)
        if roster.people.contains(where: { $0.name == name }) || existing != nil {
            throw Refusal(description: "`\(name)` is already in people.yml or has an account. Choose another name.")
        }
        let key = SigningKey()
        let (salt, sealed) = try SealedSigningKey.seal(key, password: password)
        let account = ConsoleAccount(name: name, role: role, scopes: scopes, passwordHash: Bcrypt.hash(password, cost: bcryptCost),
                                     publicKey: key.publicKey, keySalt: salt, sealedKey: sealed)
        try store.insert(account)
        let before = FileManager.default.contents(atPath: rosterFile)
        do {
            let person = Person(name: name, role: role.personRole, scopes: Set(scopes), key: key.publicKey, line: 0)
            try Self.append(person.yaml, to: rosterFile, replacingEmptyList: roster.people.isEmpty)
            // people.yml must read back with this person, under exactly this name, and nothing else changed.
            let after = try Roster.load(file: rosterFile, cities: cities)
            guard after.people.count == roster.people.count + 1,
                after.people.contains(where: { $0.name == name && $0.key == key.publicKey && $0.role == role.personRole })
            else { throw Refusal(description: "`\(name)` cannot be written to people.yml as it is. Choose a plain name.") }
        } catch {
            if let before { try? before.write(to: URL(fileURLWithPath: rosterFile), options: .atomic) }
            try? store.delete(account: name)
            throw error
        }
        return account
    }

    /// Refuses the account's logins, ends its sessions and writes `until: <day>`
    /// under its entry of people.yml: its lines from that day on do not count.
    package func disable(name: String, from day: Day) throws {
        guard let account = try store.account(named: name) else { throw Refusal(description: "There is no account `\(name)`.") }
        try store.disable(name)
        let rosterFile = Roster.file(contentDirectory)
        let text = try String(contentsOfFile: rosterFile, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let keyLine = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "key: \(account.publicKey)" }) else {
            throw Refusal(description: "people.yml has no entry with the key of `\(name)`. Add `until: \(day)` to their entry by hand.")
        }
        let indent = String(lines[keyLine].prefix { $0 == " " })
        // The entry: from its `- ` line to the next one (its keys may stand in any order).
        let first = lines[...keyLine].lastIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") } ?? keyLine
        let itemIndent = lines[first].prefix { $0 == " " }.count
        let end = lines[(keyLine + 1)...].firstIndex { line in
            line.prefix { $0 == " " }.count <= itemIndent && !line.trimmingCharacters(in: .whitespaces).isEmpty
        } ?? lines.count
        if let existing = (first..<end).first(where: { lines[$0].contains("until:") }),
            let range = lines[existing].range(of: "until:") {
            // An earlier day stays; a later one gives way to this day, in place.
            let written = Day(lines[existing][range.upperBound...].trimmingCharacters(in: .whitespaces))
            if let written, written <= day { return }
            lines[existing] = String(lines[existing][..<range.upperBound]) + " \(day)"
        } else {
            lines.insert("\(indent)until: \(day)", at: keyLine + 1)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: rosterFile))
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: rosterFile), options: .atomic)
        // people.yml must read back with this day for this key, or it goes back as it was.
        let cities = Set(try ProvinceLoader.load(file: contentDirectory + "/portal.yml").cities.map(\.abbr))
        guard (try? Roster.load(file: rosterFile, cities: cities))?.person(withKey: account.publicKey)?.until == day else {
            try before.write(to: URL(fileURLWithPath: rosterFile), options: .atomic)
            throw Refusal(description: "people.yml could not be changed safely. Add `until: \(day)` to the entry of `\(name)` by hand.")
        }
    }

    package func list() throws -> [ConsoleAccount] {
        try store.accounts()
    }

    /// Appends `entry` to people.yml, on a line of its own; the first entry replaces an empty list (`[]`).
    private static func append(_ entry: String, to file: String, replacingEmptyList: Bool) throws {
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        if replacingEmptyList, let text = try? String(contentsOfFile: file, encoding: .utf8) {
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.trimmingCharacters(in: .whitespaces) != "[]" }
            try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        }
        let existing = FileManager.default.contents(atPath: file) ?? Data()
        let separator = existing.isEmpty || existing.last == 0x0A ? "" : "\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((separator + entry).utf8))
    }
}
