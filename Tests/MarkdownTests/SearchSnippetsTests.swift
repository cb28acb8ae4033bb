@testable import Markdown
import Testing
import TestSupport

/// A search result shows one piece of an answer's text whole: the pieces must keep blocks apart as the page
/// does, and be cut where no number or word is cut in two (moderation reads each piece, but a cut that makes
/// a number would hold back an honest answer).
struct SearchSnippetsTests {
    @Test func blocksStayApartInThePiecesAsOnThePage() {
        // Joined with a space, `内部` ⏎⏎ `资料` showed `内部 资料` in the results: a classified term.
        #expect(MarkdownDocument(source: "本通知为内部\n\n资料，请勿转发。").searchPieces == ["本通知为内部；资料，请勿转发。"])
        #expect(MarkdownDocument(source: "第一行\n第二行   接着").searchPieces == ["第一行第二行 接着"])
    }

    @Test func aLongRunOfDigitsIsNeverCutIntoANumber() {
        // Cut at 110 characters, `…1381234567800号` showed `…13812345678…`.
        for lead in 40...140 {
            let text = String(repeating: "诊", count: lead) + "1381234567800号单据，" + String(repeating: "疗", count: 200)
            let pieces = SearchSnippets.pieces(of: text)
            #expect(pieces.filter { $0.contains("138") }.allSatisfy { $0.contains("1381234567800") }, "lead \(lead): \(pieces)")
        }
    }

    /// Runs of digits, numerals, callers' digit words and Latin words of at most 30 characters, each followed by at
    /// least two Han characters or clause marks: a safe cut always lies within a piece's reach, and every cut is one.
    @Test func everyCutHasNoDigitLetterOrNumeralBesideItOnSeededText() {
        var random = SplitMix64(seed: 0x5E_A2C4)
        let joinable: [[Character]] = [Array("0123456789"), Array("一二三四五六七八九十〇零壹"), Array("幺两拐勾洞"), Array("abcdexyzSN"),
                                       Array("０１２３①②")]
        let apart: [Character] = Array("流感疫苗接种预约医院门诊，。；、！？ ")
        let run = { (characters: [Character], count: ClosedRange<Int>, random: inout SplitMix64) in
            String((0..<Int.random(in: count, using: &random)).map { _ in characters.randomElement(using: &random)! })
        }
        for _ in 0..<400 {
            var text = ""
            while text.count < 1_200 {
                text += run(joinable.randomElement(using: &random)!, 1...30, &random) + run(apart, 2...40, &random)
            }
            let pieces = SearchSnippets.pieces(of: text)
            let shown = pieces.joined().count
            #expect(shown >= SearchSnippets.total - SearchSnippets.length && shown <= SearchSnippets.total + SearchSnippets.length * 2)
            // Where each piece stands in the text (white space collapsed): a cut is at a space, or between two
            // characters that cannot belong to one number or word.
            let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            var rest = Substring(collapsed)
            for (before, after) in zip(pieces, pieces.dropFirst()) {
                #expect(rest.hasPrefix(before), "pieces in order, whole")
                rest = rest.dropFirst(before.count)
                let atSpace = rest.first == " "
                rest = rest.drop { $0 == " " }
                #expect(atSpace || (SearchSnippets.mayStandBesideACut(before.unicodeScalars.last!)
                                    && SearchSnippets.mayStandBesideACut(after.unicodeScalars.first!)), "\(before) | \(after)")
                #expect(before.count <= SearchSnippets.length * 3 / 2)
            }
        }
    }

    @Test func aShortTextIsOnePieceAndNothingIsLeftOut() {
        let text = String(repeating: "流感疫苗接种。", count: 17)
        #expect(SearchSnippets.pieces(of: text) == [text])
        #expect(SearchSnippets.pieces(of: "").isEmpty)
        let long = String(repeating: "流感疫苗接种。", count: 40)
        #expect(SearchSnippets.pieces(of: long).joined() == String(long.prefix(SearchSnippets.pieces(of: long).joined().count)))
    }

    @Test func noCutStandsBesideADigitANumeralOrALetter() {
        for joining in "09azAZ一二十百万〇零壹幺两拐勾洞参叉０９ＡＺａｚ〡〩①❶" {
            #expect(!SearchSnippets.mayStandBesideACut(joining.unicodeScalars.first!), "\(joining)")
        }
        for apart in "流感疫苗，。；、！？ ：“”（）《》…" {
            #expect(SearchSnippets.mayStandBesideACut(apart.unicodeScalars.first!), "\(apart)")
        }
    }
}
