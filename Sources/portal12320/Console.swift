import ArgumentParser

struct Console: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The newsroom console: editors and reviewers work in a browser, in Chinese (see docs/console-api.md).",
        subcommands: [ConsoleServe.self, ConsoleUser.self],
        defaultSubcommand: ConsoleServe.self)
}
