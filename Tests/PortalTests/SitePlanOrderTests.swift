@testable import Site
import TestSupport
import Testing

/// A city's site lists its answers newest first: the provincial ones, sorted once for every site, merged with the city's own.
struct SitePlanOrderTests {
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func mergingTwoSortedListsIsSortingThemTogether(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Distinct keys, as the answers of one site have distinct addresses; dates often the same.
        var keys = Set<String>()
        while keys.count < 60 { keys.insert("\(random.next() % 5)-\(random.next() % 1000)") }
        let all = Array(keys)
        let cut = Int(random.next() % UInt64(all.count + 1))
        let newestFirst = { (a: String, b: String) in a > b }
        let first = all[..<cut].sorted(by: newestFirst)
        let second = all[cut...].sorted(by: newestFirst)
        #expect(SitePlan.merging(first, second, by: newestFirst) == all.sorted(by: newestFirst), "seed \(seed)")
        #expect(SitePlan.merging([], second, by: newestFirst) == second)
        #expect(SitePlan.merging(first, [], by: newestFirst) == first)
    }
}
