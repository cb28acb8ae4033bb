import ArgumentParser
import Console
import Content
import Foundation
import Review

struct ConsoleUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Console accounts: each is a person of people.yml with a key of their own.",
        subcommands: [Add.self, Disable.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account (password on standard input), its Ed25519 key, and the person in people.yml.")

        @OptionGroup var options: ContentOptions
        @OptionGroup var data: ConsoleDataOption

        @Argument(help: "The person's name, as decisions will show it.")
        var name: String

        @Option(help: "editor, reviewer or admin (an admin is an editor in people.yml).")
        var role: String

        @Option(help: ArgumentHelp("province or a city abbreviation (repeat for several).", valueName: "scope"))
        var scope: [String] = []

        func run() async throws {
            guard let role = ConsoleRole(rawValue: role) else { throw ValidationError("--role is editor, reviewer or admin.") }
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("Give the password on standard input.") }
            do {
                let users = try ConsoleUsers(store: ConsoleStore(directory: data.data), contentDirectory: options.content)
                let account = try users.add(name: name, role: role, scopes: scope, password: password)
                Terminal.say("Added \(account.name) (\(account.role.rawValue), scopes \(account.scopes.joined(separator: ","))) to the console and to people.yml.")
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End an account: no more logins, and its decisions from today on do not count (people.yml until:).")

        @OptionGroup var options: ContentOptions
        @OptionGroup var data: ConsoleDataOption

        @Argument(help: "The account's name.")
        var name: String

        func run() async throws {
            guard let today = Day(ChinaTime.day(of: Date())) else { throw ExitCode.failure }
            do {
                try ConsoleUsers(store: ConsoleStore(directory: data.data), contentDirectory: options.content).disable(name: name, from: today)
                Terminal.say("Disabled \(name): no more logins; decisions from \(today) on do not count.")
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var options: ContentOptions
        @OptionGroup var data: ConsoleDataOption

        func run() async throws {
            do {
                for account in try ConsoleUsers(store: ConsoleStore(directory: data.data), contentDirectory: options.content).list() {
                    Terminal.say("\(account.name)  \(account.role.rawValue)  \(account.scopes.joined(separator: ","))\(account.disabled ? "  disabled" : "")")
                }
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
        }
    }
}
