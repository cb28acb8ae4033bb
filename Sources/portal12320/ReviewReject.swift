import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct ReviewReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject an answer's current text, telling the editor what to change.")

    @OptionGroup var arguments: DecisionArguments

    @Option(help: "What the editor should change.")
    var note: String

    @Option(help: ArgumentHelp("The sha256 `review show` printed for the text you read: refused if the file changed since.", valueName: "hex"))
    var sha256: String?

    func run() async throws {
        try arguments.record(.rejected, note: note, expectedSHA256: sha256)
    }
}
