import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct ReviewVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the ledger's hash chain and signatures, and say which lines count.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let (_, board) = try Review.board(options)
        board.ledgerWarnings.forEach(Terminal.error)
        let ledger = board.ledger
        Terminal.say("\(ledger.file): \(Plural.of(ledger.entries.count, "line")), hash chain and signatures intact; "
                                + "\(board.decisions.counted.count) count, \(board.decisions.ignored.count) do not.")
        print("head: \(ledger.head)")
    }
}
