import Foundation
@testable import Site
import Testing
import TestSupport

/// `held-back.json` is written by hand: the same bytes `JSONSerialization` wrote (sorted keys,
/// pretty-printed, slashes as they are), the province's entries first, then by reference and file.
struct HeldBackReportTests {
    /// What the report was before it was written by hand.
    static func serialised(_ entries: [[String: String]]) throws -> [UInt8] {
        let sorted = entries.sorted { a, b in
            let (first, second) = (a["answer"] ?? "", b["answer"] ?? "")
            return (first.hasPrefix("province/") ? 0 : 1, first, a["file"] ?? "") < (second.hasPrefix("province/") ? 0 : 1, second, b["file"] ?? "")
        }
        let data = try JSONSerialization.data(withJSONObject: ["heldBack": sorted], options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    @Test(arguments: [0, 1, 2, 3] as [UInt64])
    func theReportIsWhatJSONSerializationWrote(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        // Letters, Chinese, quotes, backslashes, slashes, control characters, U+2028, an emoji.
        let pieces = ["a", "南京", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "😀", " ", "province/", "nj/", "-"]
        func text() -> String { (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        let entries = (0..<Int(seed) * 7).map { _ in ["answer": text(), "file": text(), "reason": text()] }
        #expect(SiteBuild.heldBackJSON([], keeping: entries) == (try Self.serialised(entries)))
    }
}
