import ArgumentParser

@main
struct Portal12320: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal12320",
        abstract: "Builds the 12320 health hotline websites of a province, publishing only reviewed answers.",
        subcommands: [Build.self, Check.self, Cities.self]
    )
}
