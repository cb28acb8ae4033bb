import ArgumentParser
import Content

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the content folder of a new province, ready to build.",
        discussion: "Writes portal.yml (with comments), the lexicon files, people.yml, an empty review ledger and one sample answer.")

    @Argument(help: ArgumentHelp("The new content folder (must be empty or absent).", valueName: "dir"))
    var directory: String

    func run() async throws {
        do {
            try ProvinceSkeleton.write(into: directory)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        Terminal.say("Created \(directory)/. Next: edit \(directory)/portal.yml, then run `portal12320 build --content \(directory)` in the project folder (its Templates/ is the theme).")
    }
}
