import ArgumentParser
import Diagnostics
import Content
import Foundation

/// `--content DIR`, shared by every command.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder (portal.yml, answers/, lexicon/).", valueName: "dir"))
    var content = "Content"

    /// Loads the content, printing every problem and exiting 1 when there are any.
    /// - Parameter cities: only these cities' answers (and the province's), or empty for all.
    /// - Parameter cache: answers as the last build read them (``BuildMemory``).
    func load(cities: Set<String> = [], cache: AnswerFileCache? = nil) throws -> ProvinceContent {
        guard FileManager.default.fileExists(atPath: content + "/portal.yml") else {
            throw ValidationError("No portal.yml in '\(content)'. Run from the project folder or pass --content DIR.")
        }
        do {
            return try ContentLoader.load(directory: content, cache: cache, cities: cities)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
