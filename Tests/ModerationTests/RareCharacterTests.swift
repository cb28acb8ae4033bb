import Moderation
import Testing

/// A variant character drawn like a common one (异体字), which no table maps, is read by a reader as that one:
/// `秘宻级` is 秘密级 to the eye. An ideograph outside GB 2312 sends the answer to a reviewer, who reads it.
struct RareCharacterTests {
    let moderator = Moderator(lexicon: testLexicon)

    /// Found by the attack of 2026-12-02 (third session): each published a classified term.
    @Test(arguments: [("该文件属秘宻级。", "宻"), ("这份是内部眀电。", "眀"), ("本表仅供内部参攷。", "攷"), ("这些是未公开疫情数㨿。", "㨿"),
                      ("这份通知不㝵外传。", "㝵"), ("秘&#x5BBB;级", "&#x5BBB;"), ("内部资𣏌料", "𣏌")])
    func aRareIdeographGoesToReview(_ text: String, _ matched: String) throws {
        let findings = moderator.scan(text).filter { $0.rule == .rareCharacter }
        #expect(findings.map(\.matched) == [matched], "\(text)")
        #expect(findings.allSatisfy { $0.severity == .review })
    }

    /// A radical between the groups of a caller's number is a mark, as it was before it was a rare character: the
    /// number is still found and blocks (found by the last read of 2026-12-02's third session).
    @Test func aRadicalBetweenDigitGroupsStillJoinsThemIntoANumber() {
        let rules = moderator.scan("请回电138⺀1234⺀5678。").map(\.rule)
        #expect(rules.contains(.mobile), "\(rules)")
        #expect(rules.contains(.rareCharacter), "\(rules)")
    }

    /// Traditional characters read as their simplified forms, which are common; everyday text has none.
    @Test(arguments: ["建议每年接种一次流感疫苗。", "醫院內部資訊請勿外傳", "腹泻、呕吐、发热时请及时就医。"])
    func commonTextAndTraditionalFormsMakeNoFinding(_ text: String) {
        #expect(!moderator.scan(text).contains { $0.rule == .rareCharacter }, "\(text)")
    }

    /// Two rare characters side by side (a name) are one finding; an allow-list phrase that covers them exempts them.
    @Test func aRunOfRareCharactersIsOneFindingAndTheAllowListExemptsIt() throws {
        #expect(moderator.scan("请联系王喆堃医生。").filter { $0.rule == .rareCharacter }.map(\.matched) == ["喆堃"])
        let lexicon = try Lexicon(entries: [.init(term: "王喆堃", list: .allow)])
        #expect(Moderator(lexicon: lexicon).scan("请联系王喆堃医生，或李喆医生。").filter { $0.rule == .rareCharacter }.map(\.matched) == ["喆"])
    }
}
