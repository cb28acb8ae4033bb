import ArgumentParser
import Content
import Diagnostics
import Foundation
import Moderation
import Review

struct Moderate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan answers for classified, sensitive and taboo terms and callers' personal data.",
        discussion: "Exit status: 0 when nothing blocks publication, 1 when something does, 2 for usage or input errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The lexicon folder (default: <content>/lexicon).", valueName: "dir"))
    var lexicon: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Markdown files or folders to scan (a folder: every .md and .txt file below it; default: every answer of the content folder).", valueName: "file"))
    var files: [String] = []

    func run() async throws {
        let moderator: Moderator
        // The lexicon's bytes as the moderator was made from them: what the memory of findings is kept under.
        var lexiconBytes: [String: Data?] = [:]
        do {
            moderator = Moderator(lexicon: try Lexicon.load(directory: lexicon ?? options.content + "/lexicon") { file in
                let bytes = FileManager.default.contents(atPath: file)
                lexiconBytes[file] = .some(bytes)
                return bytes
            })
        } catch {
            Terminal.report(error)
            throw ExitCode(2)
        }
        let province: Province?
        do {
            province = try self.province()
        } catch {
            Terminal.report(error)
            throw ExitCode(2)
        }
        let report: ModerationReport
        // A folder that yields nothing is a mistake (a wrong path, a misspelt folder), never "nothing found".
        let named = AnswerFiles.expanding(files)
        if !files.isEmpty, named.isEmpty || files.contains(where: { AnswerFiles.expanding([$0]).isEmpty }) {
            Terminal.error("error: a folder given to moderate holds no .md or .txt file; name the files or the right folder.")
            throw ExitCode(2)
        }
        let unnamable = named.compactMap(AnswerFiles.unnamable)
        if !unnamable.isEmpty {
            Terminal.report(ContentErrors(unnamable))
            throw ExitCode(2)
        }
        do {
            let contacts = try contacts(of: province)
            // What earlier runs found in files unchanged since: their bytes are read and hashed, not scanned again.
            let seal = CacheSeal.user()
            if let problem = CacheSeal.userKeyProblem { Terminal.error(problem) }
            let memoryFile = FindingsMemory.file(forContent: options.content)
            var memory = FindingsMemory.read(from: memoryFile, basis: FindingsMemory.basis(lexicon: lexiconBytes, contacts: contacts), seal: seal)
            report = try ModerationReport.scan(files: files.isEmpty ? AnswerFiles.moderated(inContent: options.content) : named,
                                               with: moderator, contacts: contacts, answers: options.content + "/answers",
                                               memory: &memory, keepingTexts: format == .text)
            memory.write(to: memoryFile, seal: seal)
        } catch {
            Terminal.report(error)
            throw ExitCode(2)
        }
        // JSON escapes control characters itself; the text report quotes answers as written.
        if format == .json {
            // Streamed: a province's findings are written as they are encoded, never one string in memory.
            report.writeJSON { FileHandle.standardOutput.write(Data($0)) }
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            Terminal.say(report.text(), keepingLineBreaks: true, terminator: "")
            if let policy = province?.reviewPolicy, let waiting = Self.waitingForReview(report, policy: policy) { Terminal.say(waiting) }
        }
        if report.hasBlockingFindings { throw ExitCode.failure }
    }

    /// The content folder's portal.yml, if it has one.
    private func province() throws(ContentErrors) -> Province? {
        let portal = options.content + "/portal.yml"
        guard FileManager.default.fileExists(atPath: portal) else { return nil }
        return try ProvinceLoader.load(file: portal)
    }

    /// The content folder's contact directory, read with the cities of its portal.yml; none without one.
    private func contacts(of province: Province?) throws(ContentErrors) -> ContactDirectory {
        guard let province else { return .empty }
        return try ContactDirectoryLoader.load(contentDirectory: options.content, province: province)
    }

    /// What the findings mean for publication under the content's review policy, where a reviewer must decide:
    /// under `review: flagged`, an answer with any finding, a public contact of the directory included, is held
    /// back by `build` until a reviewer approves this very text, though nothing in it blocks.
    static func waitingForReview(_ report: ModerationReport, policy: ReviewPolicy) -> String? {
        switch policy {
        case .all:
            return "Under `review: all` (portal.yml), every answer is published only once a reviewer approved this very text."
        case .flagged:
            let waiting = report.documents.count { document in
                !document.findings.isEmpty && !document.findings.contains { $0.severity == .block }
            }
            guard waiting > 0 else { return nil }
            return "Under `review: flagged` (portal.yml), \(Plural.of(waiting, "file")) with findings, none blocking, "
                + "\(waiting == 1 ? "is" : "are") published only once a reviewer approved this very text "
                + "(`portal12320 review queue`); a public contact of the directory counts as a finding."
        }
    }
}
