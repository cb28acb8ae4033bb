@testable import Site
import Testing
import TestSupport

/// Each answer's search tokens are counted by sorting their packed keys: the counting sort must order
/// them exactly as a comparison sort does, whatever bytes they share or differ in.
struct PackedKeySortTests {
    @Test(arguments: [0, 1, 2, 127, 128, 129, 1_000, 20_000] as [Int])
    func keysAreInTheOrderOfAComparisonSort(count: Int) {
        var random = SplitMix64(seed: UInt64(count) &+ 7)
        let kinds: [(inout SplitMix64) -> UInt64] = [
            // Han bigrams and lone characters, as tokens are packed.
            { random in UInt64(UInt32.random(in: 0x4E00...0x9FFF, using: &random)) << 32 | (Bool.random(using: &random) ? UInt64(UInt32.random(in: 0x4E00...0x9FFF, using: &random)) : 0) },
            // Any scalars, beyond the basic plane too.
            { random in UInt64(UInt32.random(in: 0...0x10FFFF, using: &random)) << 32 | UInt64(UInt32.random(in: 0...0x10FFFF, using: &random)) },
            // Any bits at all, and runs of equal keys.
            { random in random.next() },
            { random in UInt64.random(in: 0...3, using: &random) << 60 },
        ]
        for make in kinds {
            let keys = (0..<count).map { _ in make(&random) }
            var sorted = keys
            PackedKeySort.sort(&sorted)
            #expect(sorted == keys.sorted())
        }
    }
}
