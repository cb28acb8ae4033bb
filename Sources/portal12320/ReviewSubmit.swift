import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct ReviewSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "As the author, record that the answer's current text is yours and ready for review.")

    @OptionGroup var arguments: DecisionArguments

    @Option(help: "A word for the reviewer.")
    var note = ""

    func run() async throws {
        try arguments.record(.submitted, note: note)
    }
}
