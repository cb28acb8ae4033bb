import Content
import Foundation
import Moderation
import Review
import Testing

@testable import Content

/// A build's memory keeps an answer's source, not what readers see of it:
/// that is derived from the source when a scan needs it (the lexicon grew).
/// It must be what the loader derived from the file, line for line, however
/// the file is written, or a scan of an answer read back would not be the
/// scan of the answer read.
struct DerivedReaderTextsTests {
    @Test(arguments: [
        ("crlf", "---\r\nid: crlf\r\ntitle: 流感疫苗\r\ncategory: vaccination\r\nupdated: 2024-09-10\r\n---\r\n建议每年\r\n接种一次。\r\n\r\n内部<!---->资料\r\n"),
        ("bom", "\u{FEFF}---\nid: bom\ntitle: 流感疫苗\ncategory: vaccination\nupdated: 2024-09-10\n---\n建议每年接种一次。\n"),
        ("alias", "---\nid: alias\ntitle: &q 流感疫苗问答\ncategory: vaccination\nupdated: 2024-09-10\ntags: [*q, 疫苗]\n---\n正文\n"),
        ("folded", "---\nid: folded\ntitle: >-\n  流感\n  疫苗\ncategory: vaccination\nupdated: 2024-09-10\ntags:\n  - |-\n    夜间急诊\n---\n正文\n"),
        ("escapes", "---\nid: escapes\ntitle: \"夜间\\u6025诊\\x41问答\"\ncategory: vaccination\nupdated: 2024-09-10\n---\n夜间&#x6025;诊 &amp; 内部**资**料\n"),
        ("markup", "---\nid: markup\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n# 标题\n\n1、第一步\n2、第二步\n\n---\n\n> 引用[链接](https://example.org/%E5%86%85 \"标题\")\n\n    代码\n\n| 表 | 格 |\n| --- | --- |\n| 内 | 部 |\n"),
        ("no final newline", "---\nid: no-final-newline\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n最后一行"),
    ])
    func whatReadersSeeDerivedFromTheSourceIsWhatTheLoaderDerived(_ name: String, _ text: String) throws {
        let fixture = try ProvinceFixture()
        let file = "Content/answers/province/\(name.replacingOccurrences(of: " ", with: "-")).md"
        try fixture.write(text, to: file)
        let content = try ContentLoader.load(directory: fixture.content)
        let answer = try #require(content.answers.first { $0.file.hasSuffix(file.dropFirst("Content/".count)) },
                                  "\(name) was not loaded")
        #expect(answer.holdsReaderTexts, "read from the file, with what readers see")
        #expect(!answer.readerTexts.isEmpty)
        #expect(ReaderView.answerTexts(answer.source, file: answer.file) == answer.readerTexts)
        answer.forgetReaderTexts()
        #expect(!answer.holdsReaderTexts)
        #expect(answer.readerTexts == ReaderView.answerTexts(answer.source, file: answer.file))
    }

    /// A search result shows one piece of the text alone: a cut that leaves a term without the phrase that
    /// allowed it (`打击` | `代孕`) is found, though the page, which shows the phrase whole, passes.
    @Test func aTermThatOnlyASearchPieceShowsIsFound() throws {
        let fixture = try ProvinceFixture()
        let allow = fixture.content + "/lexicon/allow.txt"
        try fixture.write(try String(contentsOfFile: allow, encoding: .utf8) + "\n打击代孕\n", to: "Content/lexicon/allow.txt")
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        let scan = { (body: String) in
            let source = "---\nid: cut\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n\(body)\n"
            return moderator.scan(source, asRead: ReaderView.answerTexts(source, file: "cut.md")).compactMap(\.term)
        }
        #expect(scan("打击代孕。" + String(repeating: "医", count: 200)).isEmpty)
        // 98 characters, then the phrase: the first piece ends after `打击`.
        #expect(scan(String(repeating: "医", count: 98) + "打击代孕" + String(repeating: "院", count: 100)) == ["代孕"])
    }

    /// A media description is shown in one paragraph (or an `alt`): its lines run together there.
    @Test func aMediaDescriptionIsReadWithItsLinesRunTogether() throws {
        let fixture = try ProvinceFixture()
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        for text in ["本文为内部\n\n资料。", "内部" + String(repeating: " ", count: 10) + "资料", "内部\r\n\r\n资料", "内(nèi)部(bù)\n资料"] {
            let transcript = Transcript(name: "a.mp3", kind: .audio, text: text, file: "media/a.mp3.txt", fileHash: "")
            #expect(moderator.scan(transcript.source, asRead: transcript.readerTexts).map(\.rule) == [.classified], "\(text)")
            #expect(moderator.scan(text, asRead: ReaderView.texts(ofFile: "media/a.mp3.txt", text: text)).map(\.rule) == [.classified])
        }
    }

    /// Readings in brackets after the characters (pinyin) are read past, in the body and the front matter.
    @Test(arguments: ["另见内(nèi)部(bù)资(zī)料(liào)。", "内（nei4）部（bu4）资料", "内部(NEI BU)资料",
                      // Found by the second attack of 2026-12-02: other brackets, zhuyin, syllable dots, no brackets.
                      "内【nèi】部【bù】资【zī】料【liào】", "内(ㄋㄟˋ)部(ㄅㄨˋ)资(ㄗ)料(ㄌㄧㄠˋ)", "内〔nei〕部〔bu〕资料",
                      "内(nèi·)部(bù·)资料", "内nèi部bù资zī料liào", "内「nei」部「bu」资料",
                      // Found by a review of 934b58d: a term over the lines of one block, a reading without a tone.
                      "请看内(nèi)\n部\n资\n料。", "请看内nei部bu资zi料liao。"])
    func aTermSpelledOutWithItsReadingsIsFound(_ body: String) throws {
        let fixture = try ProvinceFixture()
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        // In the body, and (a text of one line) in the title.
        let inTitle = body.contains("\n") ? [] : ["---\nid: r\ntitle: \(body)\ncategory: vaccination\nupdated: 2024-09-10\n---\n正文\n"]
        for source in ["---\nid: r\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n\(body)\n"] + inTitle {
            #expect(moderator.scan(source, asRead: ReaderView.answerTexts(source, file: "r.md")).map(\.rule) == [.classified], "\(source)")
        }
        // A gloss in brackets that is no reading, or a reading too long to be one, stays, when too long for an
        // aside (``InterposedMarks``: `新冠(COVID-19)疫苗` is read once more without its gloss).
        #expect(PhoneticReadings.removingReadings("新冠(Corona Virus Disease 2019)疫苗") == "新冠(Corona Virus Disease 2019)疫苗")
        #expect(PhoneticReadings.removingReadings("疫苗(vaccination programme)接种") == "疫苗(vaccination programme)接种")
        // Latin letters between ideographs without a tone are a word, not a reading.
        #expect(PhoneticReadings.removingReadings("接种HPV疫苗") == "接种HPV疫苗")
        // Only the blocks that hold a reading are read again, each apart.
        let text = DerivedText(lines: ["甲", "内(nèi)部", "资料\u{2029}", "乙\u{2029}", "丙", "丁", "代(dài)", "孕\u{2029}"], sourceLines: Array(1...8),
                               isSummary: false)
        #expect(PhoneticReadings.withoutReadings([text]).map(\.lines) == [["甲", "内部", "资料\u{2029}"], ["丙", "丁", "代", "孕\u{2029}"]])
    }

    /// Footnote marks, asides and ellipses between the characters of a term are read past, in the body and the
    /// front matter (found by a probe of 25154af: each passed).
    @Test(arguments: ["请查阅内部[^1]资料。", "请查阅内部[1]资料。", "请查阅内部（注）资料。", "请查阅内部(注1)资料。", "请查阅内部【注释】资料。",
                      "请查阅内部¹资料。", "请查阅内部^1资料。",
                      "请查阅内部<sup>1</sup>资料。", "请查阅内部１资料。", "请查阅内部…资料。", "请查阅内部……资料。", "请查阅内部...资料。",
                      "请查阅内部。。。资料。", "请查阅内部⋯资料。",
                      // Found by an attack on the first version: invisible scalars and spaces beside the marks, runs of
                      // marks, nested brackets, a mark at a line's end, longer asides, raised and lowered forms.
                      "请查阅内部\u{200B}[1]资料。", "请查阅内部[1]\u{FEFF}资料。", "请查阅内部&#8203;[1]资料。", "请查阅内部 [1] 资料。",
                      "请查阅内部\u{3000}…\u{00A0}资料。", "请查阅内部 1 资料。", "请查阅内部[1][2]资料。", "请查阅内部[1]、[2]资料。",
                      "请查阅内部[1,2][3]资料。", "请查阅内部……[1]资料。", "请查阅内部（注（1））资料。", "请查阅内部[[1]]资料。",
                      "请查阅内部[1]\n资料。", "请查阅内部\n[^1]资料。", "请查阅内部（Word版）资料。", "请查阅内部（见第2页）资料。",
                      "请查阅内部⁽¹⁾资料。", "请查阅内部<sup>1,2</sup>资料。", "请查阅内部<sup>1-3</sup>资料。", "请查阅内部<sup>123</sup>资料。",
                      "请查阅内部₁₂资料。", "请查阅内部ᵃ资料。", "请查阅内部※1资料。", "请查阅内部*1资料。", "请查阅内部⟨1⟩资料。",
                      "请查阅内部[^note]资料。", "请查阅内部^a^资料。", "请查阅内部＾1资料。", "请查阅内部. . .资料。", "请查阅内部．．．资料。",
                      "请查阅内部…… ……资料。",
                      // Found by an attack on the second version: what the matcher reads through beside a mark, other
                      // brackets, asterisks and dashes, spaced full stops, raised letters, a run over a line's break.
                      "请查阅内部*[1]*资料。", "请查阅内部_[1]_资料。", "请查阅内部†[1]资料。", "请查阅内部\u{3164}[1]资料。",
                      "请查阅内部\u{E0020}[1]资料。", "请查阅内部＊1资料。", "请查阅内部﹙1﹚资料。", "请查阅内部〚1〛资料。", "请查阅内部«1»资料。",
                      "请查阅内部1～3资料。", "请查阅内部[1]-[3]资料。", "请查阅内部。 。资料。", "请查阅内部.\u{200B}.资料。", "请查阅内部︰资料。",
                      "请查阅内部ʰ资料。", "请查阅内部㆒资料。", "请查阅内部[1]\n[2]资料。", "请查阅内部（注\n）资料。",
                      "请查阅内部[1]" + String(repeating: "\u{200B}", count: 40) + "[2]资料。",
                      "请查阅内部" + String(repeating: "…", count: 41) + "资料。",
                      // Found by the third attack: Roman numerals, digits of other scripts, mixed brackets, straight
                      // quotes and waves around a number, decimals and list numbers, a term ending in a measure word.
                      "请查阅内部Ⅱ资料。", "请查阅内部[Ⅰ]资料。", "请查阅内部𝟏资料。", "请查阅内部١资料。", "请查阅内部[1）资料。",
                      "请查阅内部'1'资料。", "请查阅内部~1~资料。", "请查阅内部1.2资料。", "请查阅内部1/2资料。",
                      "请查阅内部（见附件A）资料。",
                      // Found by a review: brackets of another kind inside, dots with marks between them.
                      "请查阅内部[(1)]资料。", "请查阅内部（[1]）资料。", "请查阅内部（注[1]）资料。", "请查阅内部._._资料。", "请查阅内部。、。资料。",
                      // Left open by the last session: an ellipsis of full stops split by a line's break, which
                      // neither line shows alone.
                      "请查阅内部。\n。资料。", "请查阅内部.\n.资料。", "请查阅内部。\n\u{3000}、。资料。", "请查阅内部 。\n\u{200B}。 资料。",
                      "请查阅内部。\n\u{3000}\n。资料。",
                      // Found by the attack of this session: a caret before a call in brackets, a number in round brackets too.
                      "请查阅内部^[1]资料。", "请查阅内部^(1)资料。", "请查阅内部^（1）资料。", "请查阅内部^[注]资料。", "请查阅内部^{1}资料。",
                      "请查阅内部＾（一）资料。",
                      // Found by the second attack of this session: zeros and bars of other scripts, and carets with
                      // more between them and the call.
                      "请查阅内部০资料。", "请查阅内部๐资料。", "请查阅内部᠐资料。", "请查阅内部߀资料。", "请查阅内部꘠资料。", "请查阅内部𑁦资料。",
                      "请查阅内部〡资料。", "请查阅内部〢资料。", "请查阅内部ᐧ০资料。", "请查阅内部০[1]资料。", "请查阅内部……০资料。",
                      "请查阅内部^^[1]资料。", "请查阅内部^ [1]资料。", "请查阅内部^¹资料。", "请查阅内部ˆ（1）资料。", "请查阅内部^“1”资料。",
                      "请查阅内部‸[1]资料。"])
    func aTermWithAMarkBetweenItsCharactersIsFound(_ body: String) throws {
        let fixture = try ProvinceFixture()
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        // A title shows tags and character references as written, on one line.
        let inTitle = body.contains("<") || body.contains("&") || body.contains("\n") ? [] : ["---\nid: m\ntitle: \"\(body)\"\ncategory: vaccination\nupdated: 2024-09-10\n---\n正文\n"]
        for source in ["---\nid: m\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n\(body)\n"] + inTitle {
            #expect(moderator.scan(source, asRead: ReaderView.answerTexts(source, file: "m.md")).map(\.rule) == [.classified], "\(source)")
        }
    }

    /// What is no mark between two characters stays: a gloss in letters, a longer aside or number, a single dot,
    /// a number after a digit or before a letter.
    @Test func wordsAndNumbersBetweenCharactersStay() {
        for line in ["新冠(Corona Virus Disease 2019)疫苗", "内部（请见第三章附件的全部说明）资料", "第1234条", "共2.5毫克", "拨打12320（24小时）咨询",
                     "内部 资料", "内部1a资料"] {
            #expect(PhoneticReadings.removingReadings(line) == line, "\(line)")
        }
        // A number before a unit or a measure word counts something; another is read past.
        #expect(PhoneticReadings.removingReadings("孕前3个月，满18周岁，第1条和第12条") == "孕前3个月，满18周岁，第1条和第12条")
        #expect(PhoneticReadings.removingReadings("内部12资料") == "内部资料")
        // A caret alone is a mark (the matcher reads through it anyway), before another or a call in brackets too.
        #expect(PhoneticReadings.removingReadings("内部^资料，内部^^（1）资料") == "内部资料，内部资料")
        // Not before 级: terms end with it (`绝密级`).
        #expect(PhoneticReadings.removingReadings("绝密1级") == "绝密级")
        #expect(PhoneticReadings.removingReadings("内部[^1]资料，其他[注]说明") == "内部资料，其他说明")
        // A mark read past keeps the line's breaks: the lines stay the lines of the file.
        #expect(PhoneticReadings.removingReadings("内部[1]\n资料") == "内部\n资料")
    }

    /// Circled numbers list: read past, they made words of the ends of two items (`血头` of `①贫血②头晕`). An
    /// aside that says something is read (`假疫苗` of `暑假（7月至8月）疫苗`). Found by the attacks on the first versions.
    @Test(arguments: ["常见不适：①贫血②头晕③心慌。", "暑假（7月至8月）疫苗门诊延长开放时间。", "我（们）怎么知道孩子是否需要补种？",
                      "幼儿园保健医（兼职）托育机构卫生人员均可报名。", "退费流程：①申请退回②扣减医保统筹支付部分③原路退款。",
                      "空腹抽血（禁食8小时）头天晚饭后不要再进食。",
                      // Found by a review: a list numbered in brackets, with `、` or a dot; a percentage.
                      "常见不适：（1）贫血（2）头晕。", "常见不适：1、贫血2、头晕。", "常见不适：1.贫血 2.头晕。", "第三代30%孕妇可用。"])
    func listsAndAsidesThatSaySomethingMakeNoFinding(_ body: String) throws {
        let fixture = try ProvinceFixture()
        // The terms these sentences would make, besides the fixture's 医托 and 回扣.
        try fixture.write("医托\n回扣\n假疫苗\n血头\n我怎么知道\n", to: "Content/lexicon/sensitive.txt")
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        let source = "---\nid: h\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n\(body)\n"
        #expect(moderator.scan(source, asRead: ReaderView.answerTexts(source, file: "h.md")).isEmpty, "\(body)")
    }

    /// A line of a few hundred thousand spaces, invisible scalars or marks after an ideograph is read in time
    /// proportional to its length: looking for marks from each of its scalars again took minutes, and so did
    /// making the text again from its parts, one string appended to another (found by the third attack).
    @Test(.timeLimit(.minutes(1)), arguments: [" ", "\u{200B}", "[", "…", "1 ", "^", "内1", "内[1]", "内.."])
    func aLongRunOfSpacesOrMarksIsReadInLinearTime(_ filler: String) {
        // With a mark that has the line read scalar by scalar at all.
        let line = "内部" + String(repeating: filler, count: 200_000) + "资料（注）说明"
        #expect(PhoneticReadings.removingReadings(line).unicodeScalars.count <= line.unicodeScalars.count)
    }

    /// Asides in brackets between the digit groups of a number are read past (found by a probe of 3750f8a).
    @Test(arguments: ["手机：138（前三位）1234（中间）5678", "请拨138(转)1234(分机)5678", "手机号138【尾号】12345678"])
    func aNumberWithAsidesBetweenItsDigitsIsFound(_ body: String) throws {
        let fixture = try ProvinceFixture()
        let moderator = try ReviewBoard.moderator(for: fixture.content)
        let source = "---\nid: n\ntitle: 问答\ncategory: vaccination\nupdated: 2024-09-10\n---\n\(body)\n"
        #expect(moderator.scan(source, asRead: ReaderView.answerTexts(source, file: "n.md")).map(\.rule) == [.mobile], "\(body)")
        // An aside after a number is no part of one.
        #expect(PhoneticReadings.removingReadings("拨打12320（24小时）咨询") == "拨打12320（24小时）咨询")
    }
}
