import TestSupport
import Testing

@testable import Site

struct AscendingCountsTests {
    /// The search vocabulary keeps every answer's counts packed: what goes in must come out, for
    /// keys of every size (token ids from 0, Han bigrams packed into 64 bits) and counts from 0 up.
    @Test(arguments: [1, 2, 3]) func everyKeyAndCountComesBackAsGiven(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let bits = Int.random(in: 1...64, using: &random)
            let keys = Set((0..<Int.random(in: 0...60, using: &random)).map { _ in
                UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64(64 - bits)
            }).sorted()
            let entries = keys.map { (key: $0, count: Int32.random(in: 0...Int32.max, using: &random) >> Int32.random(in: 0...31, using: &random)) }
            let packed = AscendingCounts(entries)
            var read: [(key: UInt64, count: Int32)] = []
            packed.forEach { key, count in read.append((key, count)) }
            #expect(read.map(\.key) == entries.map(\.key))
            #expect(read.map(\.count) == entries.map(\.count))
            #expect(packed.count == entries.count)
            if let probe = entries.randomElement(using: &random) { #expect(packed.count(of: probe.key) == probe.count) }
        }
        #expect(AscendingCounts([(key: UInt64.max, count: Int32.max)]).count(of: .max) == .max)
        #expect(AscendingCounts.empty.count(of: 0) == nil)
    }
}
