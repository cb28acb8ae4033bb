import ArgumentParser
import Content
import Site

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reports for the provincial centre.", subcommands: [Conflicts.self])

    struct Conflicts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List city answers that override provincial ones (article 30).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, csv
        }

        @OptionGroup var options: ContentOptions

        @Option(help: "markdown or csv.")
        var format: Format = .markdown

        func run() async throws {
            let content = try options.load()
            let report = ConflictReport(content: content)
            let text = format == .csv ? report.csv() : report.markdown(provinceName: content.province.name)
            print(TerminalText.safe(text, keepingLineBreaks: true), terminator: "")
        }
    }
}
