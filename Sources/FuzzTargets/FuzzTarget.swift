import Content
import Foundation
import Markdown
import Moderation
import Review

/// The readers of untrusted input that `scripts/fuzz.sh` runs under libFuzzer,
/// and that the test suite replays on every input a fuzzer once crashed.
/// Each reads any bytes at all: it may report a problem, never crash.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// An answer file: front matter (YAML) and body, as the content loader reads it.
    case frontMatter = "front-matter"
    /// Markdown to published HTML and to the text readers see.
    case markdown
    /// A lexicon list file, and each term as the matcher normalises it.
    case lexicon
    /// The review ledger.
    case ledger
    /// Personal-data and term scanning of any text.
    case personalData = "personal-data"

    /// Reads `data` the way the product reads such a file.
    public func run(_ data: Data) {
        switch self {
        case .frontMatter:
            _ = Self.readAnswer(data)
        case .markdown:
            let text = String(decoding: data, as: UTF8.self)
            _ = MarkdownDocument(source: text).html
            _ = ReaderView.read(body: text, firstLine: 1)
        case .lexicon:
            for (entry, _) in Lexicon.entries(in: String(decoding: data, as: UTF8.self), list: .classified) {
                _ = try? Lexicon.normalizedTerm(entry.term)
            }
        case .ledger:
            _ = try? ReviewLedger.parse(data, file: "reviews.jsonl")
        case .personalData:
            let text = String(decoding: data, as: UTF8.self)
            _ = Self.moderator?.scan(text, asRead: [DerivedText(text, line: 1)])
        }
    }

    private static func readAnswer(_ data: Data) -> Result<Answer, ContentErrors> {
        guard let province else { return .failure(ContentErrors([])) }
        return AnswerLoader.read(data, file: "answers/nj/fuzz.md", scope: .city("nj"), province: province)
    }

    /// The sample province's configuration, for category and scope checks.
    private static let province = try? ProvinceLoader.load(file: repository + "/Content/portal.yml")

    /// A small lexicon, built once.
    private static let moderator = try? Moderator(lexicon: Lexicon(entries: [
        .init(term: "内部资料", list: .classified), .init(term: "代孕", list: .classified),
        .init(term: "医托", list: .sensitive), .init(term: "12320", list: .allow),
    ]))

    /// The project folder, found from this file's place in it.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
