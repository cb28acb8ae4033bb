import ArgumentParser
import Content
import Foundation
import Review

struct Key: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create signing keys for people.yml.", subcommands: [New.self])

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Ed25519 key pair: the private key goes to FILE (mode 0600, never overwritten); the people.yml entry is printed.")

        @Option(help: "The person's name, as decisions will show it.")
        var name: String

        @Option(help: ArgumentHelp("Where to write the private key (must not exist).", valueName: "file"))
        var out: String

        @Option(help: "editor or reviewer (for the printed entry).")
        var role: String = "editor"

        @Option(name: .customLong("scope"), help: ArgumentHelp("province or a city abbreviation (repeatable; for the printed entry).", valueName: "scope"))
        var scopes: [String]

        func validate() throws {
            guard Person.Role(rawValue: role) != nil else { throw ValidationError("--role is editor or reviewer.") }
            guard !scopes.isEmpty, scopes.allSatisfy({ $0 == "province" || ($0.allSatisfy { $0.isASCII && $0.isLowercase } && !$0.isEmpty) }) else {
                throw ValidationError("--scope is `province` or a city abbreviation such as `nj` (repeat it for several).")
            }
            guard Person.isPlainName(name) else {
                throw ValidationError("--name must be a plain name, without line breaks, `:` or `#`.")
            }
        }

        func run() async throws {
            let key = SigningKey()
            do {
                try key.write(to: out)
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            let person = Person(name: name, role: Person.Role(rawValue: role)!, scopes: Set(scopes),
                                key: key.publicKey, line: 0)
            Terminal.error("Private key written to \(out) (mode 0600): keep it to yourself; it signs your decisions.")
            Terminal.error("Ask the provincial centre to add this entry to Content/people.yml:")
            print(TerminalText.safe(person.yaml, keepingLineBreaks: true), terminator: "")
        }
    }
}
