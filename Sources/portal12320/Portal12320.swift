import ArgumentParser
import Content
import Foundation

@main
struct Portal12320: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal12320",
        abstract: "Builds the 12320 health hotline websites of a province, publishing only reviewed answers.",
        subcommands: [Build.self, Check.self, Cities.self, Moderate.self, Review.self, Key.self, Report.self, Deploy.self, Releases.self, Rollback.self, Serve.self, Console.self,
                      New.self, Init.self]
    )

    /// As ArgumentParser's, except that `moderate` reports usage errors with
    /// status 2, the convention of scanners that use 1 for "found something".
    static func main() async {
        NormalizationTableFile.use()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure, CommandLine.arguments.dropFirst().first == "moderate" {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
