import ArgumentParser
import Content
import Diagnostics
import Foundation
import Moderation
import Review

struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the whole answer with its findings marked in place, what changed since the approved revision, and its history.")

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The answer, as scope/id (e.g. province/flu-vaccine).", valueName: "answer"))
    var answer: String

    func run() async throws {
        let (_, board) = try Review.board(options)
        guard let review = board.review(of: answer) else {
            throw ValidationError("There is no answer '\(answer)'. Use scope/id as `review queue` lists it.")
        }
        Terminal.say("\(review.item.reference): \(review.item.title)")
        Terminal.say("file: \(review.item.file)  sha256: \(review.sha256)")
        Terminal.say("status: \(review.reason ?? "approved for this text: published")")
        if !review.submitters.isEmpty {
            Terminal.say("submitted by: \(review.submitters.map(\.name).joined(separator: ", "))")
        }
        if let media = review.item as? Transcript {
            // The checks read only text: the reviewer looks at the file itself.
            Terminal.say("media file: \(options.content)/media/\(media.name) — open it and check what it shows; the checks read only its text")
        }
        print("")
        print(TerminalText.safe(Self.marked(review.item.source, findings: review.findings), keepingLineBreaks: true), terminator: "")
        if let media = review.item as? Transcript, let text = media.fileText {
            Terminal.say("\nText inside the file (moderated with the description):", keepingLineBreaks: true)
            print(TerminalText.safe(text, keepingLineBreaks: true))
        }
        Terminal.say(review.findings.isEmpty ? "\nNo findings." : "\n\(Plural.of(review.findings.count, "finding")) (^ marks each).", keepingLineBreaks: true)
        if let live = review.liveItem, live.fileHash != review.sha256 {
            Terminal.say("\nChanges since the approved revision online (sha256 \(live.fileHash.prefix(12))…):", keepingLineBreaks: true)
            LineDiff.unified(from: live.source, to: review.item.source).forEach { Terminal.say($0) }
        }
        let history = zip(board.ledger.entries, board.ledger.lines).filter { $0.0.answer == review.item.reference }
        if !history.isEmpty {
            Terminal.say("\nHistory (China Standard Time):", keepingLineBreaks: true)
            for (entry, line) in history {
                let current = entry.sha256 == review.sha256 ? "this text" : "an earlier text"
                Terminal.say("  \(entry.chinaTime)  \(entry.decision.rawValue) by \(Review.signer(of: entry, line: line, board)) "
                                        + "(\(current))\(entry.note.isEmpty ? "" : ": \(entry.note)")")
            }
        }
    }

    /// Every line of `source`, numbered, each finding underlined beneath its line and named.
    static func marked(_ source: String, findings: [Finding]) -> String {
        let byLine = Dictionary(grouping: findings, by: \.line)
        var output = ""
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            output += String(number).leftPadded(to: 4) + "  \(line)\n"
            for finding in byLine[number] ?? [] {
                let before = line.unicodeScalars.prefix(max(0, finding.column - 1))
                let width = DisplayWidth.of(before)
                let first = finding.matched.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                output += "      " + String(repeating: " ", count: width) + "^"
                    + String(repeating: "~", count: max(0, DisplayWidth.of(first.unicodeScalars) - 1))
                    + "  \(MessageCatalog.severity(finding.severity.rawValue, in: .current)) "
                    + "\(MessageCatalog.rule(finding.rule.rawValue, in: .current))\(finding.term.map { " (\($0))" } ?? "")\(finding.label.map { " [\($0)]" } ?? "")\n"
            }
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
