import ArgumentParser
import Portal

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and report every problem; write nothing.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let content = try options.load()
        let published = content.answers.count { $0.visibility == .public }
        print("Content is valid: \(content.answers.count) answers (\(published) public), \(content.province.cities.count) cities.")
    }
}
