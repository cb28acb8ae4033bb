import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "See what moderation found, submit answers and approve or reject them with your key (article 37).",
        subcommands: [ReviewQueue.self, ReviewShow.self, ReviewSubmit.self, ReviewApprove.self, ReviewReject.self,
                      ReviewLog.self, ReviewVerify.self])

    /// Loads the content and its review board, printing problems and exiting 1 on any.
    static func board(_ options: ContentOptions) throws -> (ProvinceContent, ReviewBoard) {
        let content = try options.load()
        do {
            return (content, try ReviewBoard(content: content))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }

    /// Who signed a line, as people.yml names the key; a line that does not count says so and why.
    static func signer(of entry: LedgerEntry, line: Int, _ board: ReviewBoard) -> String {
        if let reason = board.decisions.reasonIgnored(line: line) { return "\(entry.signer)? (does not count: \(reason))" }
        return entry.key.flatMap { board.roster.person(withKey: $0)?.name } ?? entry.signer
    }

    static func ledger(_ options: ContentOptions) throws -> ReviewLedger {
        do {
            return try ReviewLedger.load(file: ReviewBoard.ledgerFile(options.content))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
