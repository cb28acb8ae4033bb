import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct ReviewLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List every line of the ledger, oldest first (China Standard Time).")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let (_, board) = try Review.board(options)
        for (entry, line) in zip(board.ledger.entries, board.ledger.lines) {
            let kind = entry.decision.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            Terminal.say("\(entry.chinaTime)  \(kind)  \(entry.answer)  \(Review.signer(of: entry, line: line, board))  "
                                    + "sha256 \(entry.sha256.prefix(12))…\(entry.note.isEmpty ? "" : "  \(entry.note)")")
        }
    }
}
