import Foundation
import Moderation
import TestSupport
import Testing

@testable import Review

/// `moderate --format json` writes its report by hand, streamed, for speed;
/// scripts that read it rely on it being exactly what `JSONEncoder` made.
struct ModerationReportJSONTests {
    static let alphabet = ["内部", "资料", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "<", "😀",
                           "𠀀", "e\u{301}", "\u{2028}", "\u{FEFF}", "a", " ", "１３９"]

    static func text(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test func theStreamedJSONIsWhatJSONEncoderWrites() throws {
        var random = SplitMix64(seed: 12320)
        var documents: [ModerationReport.Document] = []
        for index in 0..<1_200 {  // more than one batch of 512
            let findings = (0..<Int(random.next() % 4)).map { _ in
                Finding(rule: Rule.allCases[Int(random.next() % UInt64(Rule.allCases.count))],
                        term: random.next() % 3 == 0 ? nil : Self.text(&random), matched: Self.text(&random),
                        line: Int(random.next() % 500) + 1, column: Int(random.next() % 200) + 1,
                        label: random.next() % 2 == 0 ? nil : Self.text(&random))
            }
            documents.append(.init(path: "answers/nj/\(index)-\(Self.text(&random)).md", findings: findings, text: ""))
        }
        let all = documents.flatMap(\.findings)
        let report = ModerationReport(documents: documents,
                                      summary: .init(documents: documents.count, findings: all.count, block: all.count { $0.severity == .block },
                                                     review: all.count { $0.severity == .review }, info: all.count { $0.severity == .info }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(report.json() == expected)
        var chunks = 0
        report.writeJSON { _ in chunks += 1 }
        #expect(chunks == 5, "a head, three batches of documents, the summary")
    }
}
