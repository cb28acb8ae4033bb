import ArgumentParser
import Content
import Foundation
import Review

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new answer file, ready to fill in.",
        discussion: "Writes <content>/answers/SCOPE/ID.md with today's date (China Standard Time); never overwrites an answer.")

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("province/ID or CITY/ID, e.g. nj/night-clinic.", valueName: "scope/id"))
    var reference: String

    @Option(help: "The question, as residents would ask it.")
    var title: String?

    @Option(help: "The category: its key or the label the site shows (default: the first category).")
    var category: String?

    func run() async throws {
        let province: Province
        do {
            province = try ProvinceLoader.load(file: options.content + "/portal.yml")
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        guard let today = Day(ChinaTime.day(of: Date())) else { throw ExitCode.failure }
        do {
            let draft = try AnswerDraft(reference: reference, title: title, category: category, province: province, today: today)
            Terminal.say(try draft.write(into: options.content))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
