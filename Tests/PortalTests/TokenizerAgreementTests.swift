import Foundation
@testable import Site
import TestSupport
import Testing

/// The search index is built with SearchTokens.swift and queried with the
/// theme's search.js: a query finds an answer only if both split text into
/// the same tokens and put each token in the same shard. Runs the script
/// under Node.js (Debian's `nodejs`, installed by scripts/install-deps.sh test).
struct TokenizerAgreementTests {
    /// Characters that stress the rules: Han of every range indexed and of none, ASCII and
    /// full-width letters and digits, punctuation, spaces, emoji, marks, surrogate-pair Han.
    static let alphabet: [String] = ["流", "感", "疫", "苗", "接", "种", "㐀", "䶵", "豈", "𠀀", "𪚥", "〇", "ー", "a", "Z", "q",
                                     "0", "9", "Ａ", "ｚ", "５", "-", "_", " ", "\u{3000}", "，", "。", "？", "\n", "😀", "é",
                                     "e\u{301}", "İ", "ß", "Ⅻ", "①", "\u{200B}", "\u{FEFF}", "ｶ", "한"]

    static func corpus() -> [String] {
        var random = SplitMix64(seed: 12320)
        var texts = ["流感疫苗每年都要接种吗？", "HPV疫苗（9价）预约", "12320 热线 Tel 025", "ＡＢＣ１２３abc", "𠀀𠀁字", "a", "流", ""]
        for _ in 0..<400 {
            let length = Int(random.next() % 24)
            texts.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
        }
        return texts
    }

    @Test func swiftAndJavaScriptMakeTheSameTokensAndShards() throws {
        let texts = Self.corpus()
        let script = ProvinceFixture.repository + "/Templates/assets/search.js"
        let harness = """
            const search = require(process.argv[1]);
            const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            process.stdout.write(JSON.stringify(texts.map(t => search.tokens(t).map(k => [k, search.shard(k, 64), search.shard(k, 4096)]))));
            """
        let data = try NodeScript.run(harness, arguments: [script], input: try JSONEncoder().encode(texts))
        let fromScript = try JSONDecoder().decode([[[StringOrInt]]].self, from: data)
        try #require(fromScript.count == texts.count)
        for (text, tokens) in zip(texts, fromScript) {
            let script = Dictionary(tokens.map { ($0[0].text, [$0[1].number, $0[2].number]) }, uniquingKeysWith: { first, _ in first })
            let swift = Dictionary(uniqueKeysWithValues: SearchTokens.counts(text).keys.map {
                ($0, [SearchTokens.shard(of: $0, count: 64), SearchTokens.shard(of: $0, count: 4096)])
            })
            #expect(script == swift, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A JSON array element that is a string or a number.
    enum StringOrInt: Decodable {
        case text(String)
        case number(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }

        var text: String { if case .text(let text) = self { text } else { "" } }
        var number: Int { if case .number(let number) = self { number } else { -1 } }
    }
}
