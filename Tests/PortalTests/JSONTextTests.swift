import Content
import Testing
import TestSupport

/// Numbers in the JSON the build and `moderate` write by hand read as JSON numbers do.
struct JSONTextTests {
    @Test func numbersAreWrittenAsTheirDecimalDigits() {
        var random = SplitMix64(seed: 12320)
        let values = [0, 1, 9, 10, -1, -10, 99, 100, 12320, Int.max, Int.min, Int.min + 1]
            + (0..<2_000).map { _ in Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64) }
        for value in values {
            var json = Array("[".utf8)
            JSONText.appendNumber(value, to: &json)
            #expect(String(decoding: json, as: UTF8.self) == "[\(value)")
        }
    }
}
