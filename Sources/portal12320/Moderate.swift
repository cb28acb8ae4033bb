import ArgumentParser
import Content
import Foundation
import Moderation
import Review

struct Moderate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan answers for classified, sensitive and taboo terms and callers' personal data.",
        discussion: "Exit status: 0 when nothing blocks publication, 1 when something does, 2 for usage or input errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The lexicon folder (default: <content>/lexicon).", valueName: "dir"))
    var lexicon: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Markdown files or folders to scan (a folder: every .md and .txt file below it; default: every answer of the content folder).", valueName: "file"))
    var files: [String] = []

    func run() async throws {
        let moderator: Moderator
        do {
            moderator = Moderator(lexicon: try Lexicon.load(directory: lexicon ?? options.content + "/lexicon"))
        } catch {
            Terminal.report(error)
            throw ExitCode(2)
        }
        let report: ModerationReport
        // A folder that yields nothing is a mistake (a wrong path, a misspelt folder), never "nothing found".
        let named = AnswerFiles.expanding(files)
        if !files.isEmpty, named.isEmpty || files.contains(where: { AnswerFiles.expanding([$0]).isEmpty }) {
            Terminal.error("error: a folder given to moderate holds no .md or .txt file; name the files or the right folder.")
            throw ExitCode(2)
        }
        do {
            report = try ModerationReport.scan(files: files.isEmpty ? AnswerFiles.moderated(inContent: options.content) : named,
                                               with: moderator, contacts: contacts())
        } catch {
            Terminal.report(error)
            throw ExitCode(2)
        }
        // JSON escapes control characters itself; the text report quotes answers as written.
        if format == .json {
            // Streamed: a province's findings are written as they are encoded, never one string in memory.
            report.writeJSON { FileHandle.standardOutput.write(Data($0)) }
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            Terminal.say(report.text(), keepingLineBreaks: true, terminator: "")
        }
        if report.hasBlockingFindings { throw ExitCode.failure }
    }

    /// The content folder's contact directory, read with the cities of its portal.yml; none without one.
    private func contacts() throws(ContentErrors) -> ContactDirectory {
        let portal = options.content + "/portal.yml"
        guard FileManager.default.fileExists(atPath: portal) else { return .empty }
        return try ContactDirectoryLoader.load(contentDirectory: options.content, province: ProvinceLoader.load(file: portal))
    }
}
