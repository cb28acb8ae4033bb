@testable import Site
import Site
import Testing

struct SearchTokensTests {
    @Test(arguments: [
        ("流感疫苗", ["流感": 1, "感疫": 1, "疫苗": 1]),
        ("HPV疫苗 hpv", ["hpv": 2, "疫苗": 1]),
        ("痛。12320", ["痛": 1, "12320": 1]),
        ("Ａ１ 疫苗，疫苗", ["a1": 1, "疫苗": 2]),
        ("a 的", ["的": 1]),
    ])
    func textIsSplitIntoBigramsAndWords(_ text: String, _ expected: [String: Int]) {
        #expect(SearchTokens.counts(text) == expected)
    }

    @Test func longerTextKeepsEveryBigramAndWord() {
        let counts = SearchTokens.counts("疫苗适合９至45岁。HPV疫苗")
        #expect(counts == ["疫苗": 2, "苗适": 1, "适合": 1, "至": 1, "45": 1, "岁": 1, "hpv": 1])
    }
}
