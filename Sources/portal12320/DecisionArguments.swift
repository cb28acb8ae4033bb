import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

/// What every submission or decision names: the answer and the signer's key.
struct DecisionArguments: ParsableArguments {
    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The answer, as scope/id.", valueName: "answer"))
    var answer: String

    @OptionGroup var key: KeyOption

    func record(_ kind: LedgerEntry.Decision, note: String, expectedSHA256: String? = nil) throws {
        let signingKey = try key.load()
        let (content, board) = try Review.board(options)
        do {
            let entry = try ReviewDesk.record(kind, on: answer, board: board, contentDirectory: content.directory,
                                              key: signingKey, note: note, expectedSHA256: expectedSHA256)
            Terminal.say("\(entry.decision.rawValue.capitalized): \(entry.answer) (sha256 \(entry.sha256.prefix(12))…) by \(entry.signer).")
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
