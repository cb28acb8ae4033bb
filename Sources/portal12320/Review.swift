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

/// `--key FILE`, or the file `PORTAL12320_KEY` names: whose signature a line carries.
struct KeyOption: ParsableArguments {
    @Option(help: ArgumentHelp("Your private key file (default: $PORTAL12320_KEY).", valueName: "file"))
    var key: String?

    func load() throws -> SigningKey {
        guard let path = key ?? ProcessInfo.processInfo.environment["PORTAL12320_KEY"] else {
            throw ValidationError("Give your key file with --key FILE (or set PORTAL12320_KEY): every line is signed.")
        }
        do {
            return try SigningKey.read(from: path)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

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
            print(TerminalText.safe("\(entry.decision.rawValue.capitalized): \(entry.answer) (sha256 \(entry.sha256.prefix(12))…) by \(entry.signer)."))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}

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

struct ReviewLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List every line of the ledger, oldest first (China Standard Time).")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let (_, board) = try Review.board(options)
        for (entry, line) in zip(board.ledger.entries, board.ledger.lines) {
            let kind = entry.decision.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            print(TerminalText.safe("\(entry.chinaTime)  \(kind)  \(entry.answer)  \(Review.signer(of: entry, line: line, board))  "
                                    + "sha256 \(entry.sha256.prefix(12))…\(entry.note.isEmpty ? "" : "  \(entry.note)")"))
        }
    }
}

struct ReviewVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the ledger's hash chain and signatures, and say which lines count.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let (_, board) = try Review.board(options)
        board.ledgerWarnings.forEach(Terminal.error)
        let ledger = board.ledger
        print(TerminalText.safe("\(ledger.file): \(ledger.entries.count) lines, hash chain and signatures intact; "
                                + "\(board.decisions.counted.count) count, \(board.decisions.ignored.count) do not."))
        print("head: \(ledger.head)")
    }
}
