import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct ReviewApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve an answer's current text for publication (not one you submitted).")

    @OptionGroup var arguments: DecisionArguments

    @Option(help: ArgumentHelp("The sha256 `review show` printed for the text you read (8 or more leading characters): "
                               + "the approval is refused if the file changed since.", valueName: "hex"))
    var sha256: String

    @Option(help: "Why; required when the answer has findings for review.")
    var note = ""

    func validate() throws {
        guard sha256.count >= 8, sha256.allSatisfy(\.isHexDigit) else {
            throw ValidationError("--sha256 takes at least the first 8 characters of the sha256 that `review show` printed.")
        }
    }

    func run() async throws {
        try arguments.record(.approved, note: note, expectedSHA256: sha256)
    }
}
