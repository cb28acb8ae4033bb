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

    static let unreadableNames = "error: the name of the current folder, or an argument, is not valid UTF-8 text (it shows �), so the files it names cannot be found for sure. Run portal12320 from a folder whose name is UTF-8, with paths in UTF-8."

    /// As ArgumentParser's, except that `moderate` reports usage errors with
    /// status 2, the convention of scanners that use 1 for "found something".
    static func main() async {
        // A name that is not UTF-8 reaches Swift with U+FFFD in its place: relative paths would still open the real
        // folder's files while absolute ones (the lexicon's, the link checks') named another folder, or none.
        if FileManager.default.currentDirectoryPath.unicodeScalars.contains("\u{FFFD}")
            || CommandLine.arguments.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
            Terminal.error(unreadableNames)
            Foundation.exit(2)
        }
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
