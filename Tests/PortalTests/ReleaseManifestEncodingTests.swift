import Foundation
import Publish
import Review
import TestSupport
import Testing

/// A release manifest is written straight into bytes: the very bytes
/// `JSONEncoder` writes (its SHA-256 names the release, and deploys compare it).
struct ReleaseManifestEncodingTests {
    private static let pieces = ["a", "answers/", "index.html", "\"", "\\", "/", "<", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}",
                                 "预约", "é", "\u{2028}", "😀", " ", "{", "}", ","]

    private static func text(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func theBytesAreThoseJSONEncoderWrites() throws {
        var random = SplitMix64(seed: 12320)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        for round in 0..<300 {
            let files = (0..<Int(random.next() % 4)).map { _ in
                ReleaseManifest.Entry(path: Self.text(&random), sha256: Self.text(&random), size: Int(truncatingIfNeeded: random.next()))
            }
            let manifest = ReleaseManifest(domain: Self.text(&random), city: round % 3 == 0 ? nil : Self.text(&random), files: files,
                                           ledger: round % 4 == 0 ? nil : LedgerHead(lines: Int(truncatingIfNeeded: random.next()), sha256: Self.text(&random)),
                                           trust: round % 5 == 0 ? nil : Self.text(&random))
            let expected = Array(try encoder.encode(manifest)) + [0x0A]
            #expect(manifest.encoded() == expected, "\(String(decoding: expected, as: UTF8.self))")
        }
    }
}
