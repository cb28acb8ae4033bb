import ArgumentParser
import Foundation
import Portal

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "See what moderation found and approve or reject answers (article 37).",
        subcommands: [Queue.self, Show.self, Approve.self, Reject.self, Log.self, Verify.self])

    /// Loads the content and its review board, printing problems and exiting 1 on any.
    static func board(_ options: ContentOptions) throws -> (Content, ReviewBoard) {
        let content = try options.load()
        do {
            return (content, try ReviewBoard(content: content))
        } catch {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }

    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the answers awaiting a decision, and those that cannot be published.")

        @OptionGroup var options: ContentOptions

        @Flag(help: "Print only the references awaiting review, one a line (for scripts).")
        var references = false

        func run() async throws {
            let (_, board) = try Review.board(options)
            let awaiting = board.reviews.filter { $0.status == .awaitingReview }
            if references {
                awaiting.forEach { print(TerminalText.safe($0.answer.reference)) }
                return
            }
            print("Awaiting review (\(awaiting.count)):")
            for review in awaiting {
                let counts = review.findings.isEmpty ? "no findings" : "\(review.findings.count) for review"
                print(TerminalText.safe("  \(review.answer.reference)  \(review.answer.title)  [\(counts)]"))
            }
            let blocked = board.reviews.filter { $0.status == .blocked }
            if !blocked.isEmpty {
                print("Blocked, cannot be approved (\(blocked.count)):")
                blocked.forEach { print(TerminalText.safe("  \($0.answer.reference)  \($0.answer.title)  [\($0.blockingFindings.count) blocking]")) }
            }
            let rejected = board.reviews.filter { if case .rejected = $0.status { true } else { false } }
            if !rejected.isEmpty {
                print("Rejected, waiting for the editor (\(rejected.count)):")
                rejected.forEach { print(TerminalText.safe("  \($0.answer.reference)  \($0.reason ?? "")")) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an answer with every finding in context, its status and its history.")

        @OptionGroup var options: ContentOptions

        @Argument(help: ArgumentHelp("The answer, as scope/id (e.g. province/flu-vaccine).", valueName: "answer"))
        var answer: String

        func run() async throws {
            let (_, board) = try Review.board(options)
            guard let review = board.review(of: answer) else {
                throw ValidationError("There is no answer '\(answer)'. Use scope/id as `review queue` lists it.")
            }
            print(TerminalText.safe("\(review.answer.reference): \(review.answer.title)"))
            print(TerminalText.safe("file: \(review.answer.file)  sha256: \(review.sha256)"))
            print(TerminalText.safe("status: \(review.reason ?? "approved for this text: published")"))
            print("")
            print(review.findings.isEmpty ? "No findings." : TerminalText.safe(
                    FindingsText.render(review.findings, in: review.answer.source, path: review.answer.file), keepingLineBreaks: true),
                  terminator: review.findings.isEmpty ? "\n" : "")
            let history = board.ledger.entries.filter { $0.answer == review.answer.reference }
            if !history.isEmpty {
                print("\nDecisions:")
                for entry in history {
                    let current = entry.sha256 == review.sha256 ? "this text" : "an earlier text"
                    print(TerminalText.safe("  \(entry.time)  \(entry.decision.rawValue) by \(entry.reviewer) (\(current))\(entry.note.isEmpty ? "" : ": \(entry.note)")"))
                }
            }
        }
    }

    /// What every decision names: the answer and who decides.
    struct Decision: ParsableArguments {
        @OptionGroup var options: ContentOptions

        @Argument(help: ArgumentHelp("The answer, as scope/id.", valueName: "answer"))
        var answer: String

        @Option(help: "Your name, recorded with the decision.")
        var reviewer: String
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve an answer's current text for publication.")

        @OptionGroup var decision: Decision

        @Option(help: "Why; required when the answer has findings for review.")
        var note = ""

        func run() async throws {
            try Review.decide(.approved, decision, note: note)
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject an answer's current text, telling the editor what to change.")

        @OptionGroup var decision: Decision

        @Option(help: "What the editor should change.")
        var note: String

        func run() async throws {
            try Review.decide(.rejected, decision, note: note)
        }
    }

    static func decide(_ kind: LedgerEntry.Decision, _ decision: Decision, note: String) throws {
        let (content, board) = try board(decision.options)
        do {
            let entry = try ReviewDesk.record(kind, on: decision.answer, board: board, contentDirectory: content.directory,
                                              reviewer: decision.reviewer, note: note)
            print(TerminalText.safe("\(entry.decision.rawValue.capitalized): \(entry.answer) (sha256 \(entry.sha256.prefix(12))…) by \(entry.reviewer)."))
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every decision in the ledger, oldest first.")

        @OptionGroup var options: ContentOptions

        func run() async throws {
            let ledger = try Review.ledger(options)
            for entry in ledger.entries {
                print(TerminalText.safe("\(entry.time)  \(entry.decision.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(entry.answer)  \(entry.reviewer)  sha256 \(entry.sha256.prefix(12))…\(entry.note.isEmpty ? "" : "  \(entry.note)")"))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the ledger's hash chain.")

        @OptionGroup var options: ContentOptions

        func run() async throws {
            let ledger = try Review.ledger(options)
            ledger.warnings.forEach(Terminal.error)
            print(TerminalText.safe("\(ledger.file): \(ledger.entries.count) decisions, hash chain intact."))
        }
    }

    static func ledger(_ options: ContentOptions) throws -> ReviewLedger {
        do {
            return try ReviewLedger.load(file: ReviewBoard.ledgerFile(options.content))
        } catch {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}
