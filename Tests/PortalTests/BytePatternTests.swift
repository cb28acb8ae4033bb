@testable import Site
import Testing
import TestSupport

/// The branding check finds the footer's values in every page: the search must find each one where it first stands.
struct BytePatternTests {
    private func naive(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        return haystack.indices.dropFirst(start).first { haystack[$0...].starts(with: needle) }
    }

    /// Seeded texts of a few characters (Chinese ones share their first bytes), needles cut from them or not.
    @Test func findsWhatASimpleSearchFindsEitherWay() {
        var random = SplitMix64(seed: 0xB7E5_1234)
        let pieces = ["主", "办", "单", "位", "：", "<", ">", "\"", "a", "src=\"", "-->"]
        for _ in 0..<4_000 {
            let haystack = Array((0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
            let needle: [UInt8]
            if haystack.isEmpty || Bool.random(using: &random) {
                needle = Array((0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
            } else {
                let from = Int.random(in: 0..<haystack.count, using: &random)
                needle = Array(haystack[from..<Int.random(in: from...haystack.count, using: &random)])
            }
            let start = Int.random(in: 0...(haystack.count + 1), using: &random)
            let pattern = BytePattern(String(decoding: needle, as: UTF8.self))
            #expect(pattern.firstIndex(in: haystack, from: start) == naive(pattern.bytes, in: haystack, from: start))
            let end = Int.random(in: 0...(haystack.count + 1), using: &random)
            let last = pattern.bytes.isEmpty ? nil : haystack.indices.filter { $0 >= start && $0 < end && haystack[$0...].starts(with: pattern.bytes) }.last
            #expect(pattern.lastIndex(in: haystack, startingIn: start..<max(start, end)) == last)
        }
    }
}
