import Moderation
import Testing

/// A small lexicon in the shape of the sample one.
let testLexicon: Lexicon = {
    do {
        return try Lexicon(entries: [
            .init(term: "内部资料", list: .classified, label: "密级标识"),
            .init(term: "代孕", list: .classified, label: "违法服务"),
            .init(term: "胎儿性别鉴定", list: .sensitive, label: "非医学需要的胎儿性别鉴定"),
            .init(term: "医托", list: .sensitive),
            .init(term: "VIP通道", list: .sensitive),
            .init(term: "不归我们管", list: .taboo, label: "推诿"),
            .init(term: "代孕妇", list: .allow),
            .init(term: "12320", list: .allow),
            .init(term: "0512-68880000", list: .allow),
        ])
    } catch {
        fatalError("test lexicon: \(error)")
    }
}()

struct ModeratorTests {
    let moderator = Moderator(lexicon: testLexicon)

    /// A text and the one finding it must produce.
    struct Caught: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let rule: Rule
        let matched: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let caught: [Caught] = [
        .init(name: "plain term", text: "这是内部资料。", rule: .classified, matched: "内部资料", line: 1, column: 3),
        .init(name: "traditional characters", text: "本文屬於內部資料", rule: .classified, matched: "內部資料", line: 1, column: 5),
        .init(name: "traditional, sensitive", text: "小心醫托拉客", rule: .sensitive, matched: "醫托", line: 1, column: 3),
        .init(name: "full width and case", text: "走ＶＩＰ通道", rule: .sensitive, matched: "ＶＩＰ通道", line: 1, column: 2),
        .init(name: "lower case ASCII", text: "走vip通道", rule: .sensitive, matched: "vip通道", line: 1, column: 2),
        .init(name: "zero-width space", text: "提供代\u{200B}孕服务", rule: .classified, matched: "代\u{200B}孕", line: 1, column: 3),
        .init(name: "soft hyphen and joiner", text: "代\u{00AD}\u{200D}孕", rule: .classified, matched: "代\u{00AD}\u{200D}孕", line: 1, column: 1),
        .init(name: "variation selector and BOM", text: "代\u{FE0F}\u{FEFF}孕", rule: .classified, matched: "代\u{FE0F}\u{FEFF}孕", line: 1, column: 1),
        .init(name: "spaces between", text: "代 孕", rule: .classified, matched: "代 孕", line: 1, column: 1),
        .init(name: "markdown emphasis", text: "可以**代**孕", rule: .classified, matched: "代**孕", line: 1, column: 5),
        .init(name: "punctuation between", text: "胎儿·性别、鉴定", rule: .sensitive, matched: "胎儿·性别、鉴定", line: 1, column: 1),
        .init(name: "line break between", text: "标题\n内部\n资料", rule: .classified, matched: "内部\n资料", line: 2, column: 1),
        .init(name: "decimal character reference", text: "代&#23381;", rule: .classified, matched: "代&#23381;", line: 1, column: 1),
        .init(name: "hex character reference", text: "&#x4EE3;孕", rule: .classified, matched: "&#x4EE3;孕", line: 1, column: 1),
        .init(name: "taboo phrase", text: "这个不归我们管。", rule: .taboo, matched: "不归我们管", line: 1, column: 3),
        .init(name: "column after front matter", text: "---\nid: a\n---\n请问代孕", rule: .classified, matched: "代孕", line: 4, column: 3),
        .init(name: "resident ID", text: "身份证11010519491231002X。", rule: .idCard, matched: "11010519491231002X", line: 1, column: 4),
        .init(name: "resident ID, lower x, spaced", text: "号码 110105 19491231 002x", rule: .idCard, matched: "110105 19491231 002x", line: 1, column: 4),
        .init(name: "resident ID, full width", text: "３２０１０２１９８００１０１１２３８", rule: .idCard, matched: "３２０１０２１９８００１０１１２３８", line: 1, column: 1),
        .init(name: "old 15-digit ID", text: "旧证110105491231002", rule: .idCard, matched: "110105491231002", line: 1, column: 3),
        // The first 17 digits decide the check character: wrong, cut off or masked, the number is given away.
        .init(name: "ID with a wrong check digit", text: "证号110105194912310021", rule: .idCard, matched: "110105194912310021", line: 1, column: 3),
        .init(name: "ID without its check digit", text: "证号32010219800101123。", rule: .idCard, matched: "32010219800101123", line: 1, column: 3),
        .init(name: "ID with its check digit masked", text: "证号32010219800101123*", rule: .idCard, matched: "32010219800101123", line: 1, column: 3),
        .init(name: "ID with two digits masked", text: "证号3201021980010112**", rule: .idCard, matched: "3201021980010112", line: 1, column: 3),
        .init(name: "ID with a wrong x", text: "证号32010219800101123×", rule: .idCard, matched: "32010219800101123×", line: 1, column: 3),
        .init(name: "a Taiwan resident's permit ending in X", text: "证号83000019800101123X", rule: .idCard, matched: "83000019800101123X", line: 1, column: 3),
        .init(name: "a foreigner's permanent residence card, check digit wrong", text: "证号93200019800101123", rule: .idCard, matched: "93200019800101123", line: 1, column: 3),
        .init(name: "mobile", text: "电话13812345678", rule: .mobile, matched: "13812345678", line: 1, column: 3),
        .init(name: "mobile with +86 and dashes", text: "call +86 138-1234-5678 now", rule: .mobile, matched: "86 138-1234-5678", line: 1, column: 7),
        .init(name: "mobile with en dashes", text: "电话138–1234–5678", rule: .mobile, matched: "138–1234–5678", line: 1, column: 3),
        .init(name: "mobile with no-break spaces", text: "电话138\u{A0}1234\u{A0}5678", rule: .mobile, matched: "138\u{A0}1234\u{A0}5678", line: 1, column: 3),
        .init(name: "mobile with 0086", text: "0086 13812345678", rule: .mobile, matched: "0086 13812345678", line: 1, column: 1),
        .init(name: "mobile in stylised digits", text: "电话❶❸❽ ➀➁➂➃ ⓹⓺⓻⓼", rule: .mobile, matched: "❶❸❽ ➀➁➂➃ ⓹⓺⓻⓼", line: 1, column: 3),
        .init(name: "mobile in circled digits", text: "①③⑨⓪⓪⓪⓪①①①①", rule: .mobile, matched: "①③⑨⓪⓪⓪⓪①①①①", line: 1, column: 1),
        .init(name: "mobile with parenthesised digits", text: "⑴⑶⑻1234⑸⑹⑺⑻", rule: .mobile, matched: "⑴⑶⑻1234⑸⑹⑺⑻", line: 1, column: 1),
        .init(name: "mobile with ideographic parenthesised digits", text: "㈠㈢㈧12345678", rule: .mobile, matched: "㈠㈢㈧12345678", line: 1, column: 1),
        .init(name: "mobile in character references", text: "&#49;3812345678", rule: .mobile, matched: "&#49;3812345678", line: 1, column: 1),
        .init(name: "landline", text: "座机025-83359000", rule: .landline, matched: "025-83359000", line: 1, column: 3),
        .init(name: "landline with parentheses", text: "(0512) 6888 0001", rule: .landline, matched: "0512) 6888 0001", line: 1, column: 2),
        .init(name: "e-mail", text: "邮箱 zhang.san@example.com 。", rule: .email, matched: "zhang.san@example.com", line: 1, column: 4),
        .init(name: "e-mail with full-width at", text: "zhangsan（at）example.com", rule: .email, matched: "zhangsan（at）example.com", line: 1, column: 1),
        .init(name: "e-mail with [at] and [dot]", text: "zhangsan[at]example[dot]cn", rule: .email, matched: "zhangsan[at]example[dot]cn", line: 1, column: 1),
        .init(name: "bank card, Luhn", text: "卡号4111 1111 1111 1111", rule: .bankCard, matched: "4111 1111 1111 1111", line: 1, column: 3),
        .init(name: "bank card, UnionPay", text: "卡号6222020200112233445", rule: .bankCard, matched: "6222020200112233445", line: 1, column: 3),
    ]

    @Test(arguments: caught)
    func evasionIsCaughtWhereItWasWritten(_ expected: Caught) throws {
        let findings = moderator.scan(expected.text)
        let finding = try #require(findings.count == 1 ? findings.first : nil, "\(findings)")
        #expect(finding.rule == expected.rule)
        #expect(finding.severity == expected.rule.severity)
        #expect(finding.matched == expected.matched)
        #expect(finding.line == expected.line)
        #expect(finding.column == expected.column)
    }

    @Test(arguments: [
        ("allow-list phrase covering a term", "照顾代孕妇的饮食"),
        ("date with dashes", "更新于2024-05-01"),
        ("date in Chinese", "2024年5月1日起施行"),
        ("document number", "苏卫办〔2024〕12号文件"),
        ("11 digits that are not a mobile", "编号12345678901"),
        ("a mobile inside a longer digit run", "流水号9913812345678"),
        ("a mobile glued to letters", "序列号SN13812345678"),
        ("a long number with a date inside but no region code", "订单号9920240101123456"),
        ("the hotline", "请拨打12320咨询"),
        ("the hotline, spaced", "请拨打 1 2 3 2 0 咨询"),
        ("an allowed office number", "办公室电话0512-68880000"),
        ("a large gap breaks a term", "代。。。。。。。。孕"),
        ("a web address", "访问https://www.js12320.cn/answers/flu/"),
        ("ordinary health text", "流感疫苗每年接种一次，60岁以上老年人优先。"),
        ("money and percentages", "报销比例90%，最高20000元"),
    ])
    func legitimateTextIsNotFlagged(_ name: String, _ text: String) {
        #expect(moderator.scan(text).isEmpty, "\(name): \(moderator.scan(text))")
    }

    @Test func twoNumbersSeparatedBySpaceAreBothFound() {
        let findings = moderator.scan("13812345678 13912345678")
        #expect(findings.map(\.rule) == [.mobile, .mobile])
        #expect(findings.map(\.column) == [1, 13])
    }

    @Test func findingsCarryTermAndLabel() throws {
        let finding = try #require(moderator.scan("非法胎儿性别鉴定").first)
        #expect(finding.term == "胎儿性别鉴定")
        #expect(finding.label == "非医学需要的胎儿性别鉴定")
        #expect(try #require(moderator.scan("内部资料").first).severity == .block)
    }

    @Test func longestTermWinsAtTheSamePosition() throws {
        let lexicon = try Lexicon(entries: [.init(term: "性别鉴定", list: .sensitive), .init(term: "性别鉴定服务", list: .classified)])
        let findings = Moderator(lexicon: lexicon).scan("提供性别鉴定服务")
        #expect(findings.map(\.term) == ["性别鉴定服务"])
    }
}
