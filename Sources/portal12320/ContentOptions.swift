import ArgumentParser
import Diagnostics
import Content
import Foundation

/// `--content DIR`, shared by every command.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder (portal.yml, answers/, lexicon/).", valueName: "dir"))
    var content = "Content"

    /// Loads the content, printing every problem and exiting 1 when there are any.
    func load() throws -> ProvinceContent {
        guard FileManager.default.fileExists(atPath: content + "/portal.yml") else {
            throw ValidationError("No portal.yml in '\(content)'. Run from the project folder or pass --content DIR.")
        }
        do {
            return try ContentLoader.load(directory: content)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}

/// Where messages go: results on standard output, problems and progress on standard error.
/// Problems often quote content (a title, a file name): their control characters are shown, never obeyed.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Prints a problem the one way every command prints problems:
    /// `file:line:column: error: message hint`, several of them followed by how many.
    static func report(_ problem: any Error) {
        switch problem {
        case let group as any DiagnosticGroup: error(group.description)
        case let diagnostic as any Diagnostic: error(diagnostic.rendered)
        default: error("error: \(problem)")
        }
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }
}
