import Moderation
import Testing

/// Moderation of what readers see besides what was written: findings only a
/// derived text shows are reported at their source line, and a finding both
/// show is reported once.
struct ReaderTextTests {
    let moderator = Moderator(lexicon: testLexicon)

    @Test func aTermOnlyTheRenderedTextShowsIsFoundAtItsSourceLine() throws {
        let source = "---\ntitle: 问题\n---\n第一段\n\n内部<!---->资料\n"
        #expect(moderator.scan(source).isEmpty, "markup hides the term from the source scan")
        var rendered = DerivedText()
        rendered.append("第一段", line: 4)
        rendered.append("内部资料", line: 6)
        let finding = try #require(moderator.scan(source, asRead: [rendered]).first)
        #expect(finding.rule == .classified)
        #expect((finding.line, finding.column) == (6, 1))
    }

    @Test func aFindingInBothIsReportedOnceWithItsSourceColumn() throws {
        let source = "前言\n请勿代孕"
        let findings = moderator.scan(source, asRead: [DerivedText("前言\n请勿代孕", line: 1)])
        // The derived text says every line comes from line 1, the source says 2: two places, so both are kept…
        #expect(findings.count == 2)
        var mapped = DerivedText()
        mapped.append("前言", line: 1)
        mapped.append("请勿代孕", line: 2)
        // …while the same finding at the same line is one.
        let once = moderator.scan(source, asRead: [mapped])
        #expect(once.count == 1)
        #expect((once[0].line, once[0].column) == (2, 3))
    }

    /// A block end (U+2029 in the reader text) separates clauses and digit groups, but is no dot of a domain:
    /// `service@example.org` ending a paragraph does not become `service@example.org.answer`.
    /// A line starting `#` without a space is no heading: a term split across its line break is one
    /// term in the paragraph a reader sees (found by an attack run: `#健康提示# 本文件为内部` / `资料`).
    @Test func aHashtagLineIsNoHeadingForATermAcrossItsBreak() {
        let source = "#健康提示# 本文件为内部\n资料，请勿转发。"
        let reader = [DerivedText("#健康提示# 本文件为内部\n资料，请勿转发。\u{2029}", line: 1)]
        #expect(moderator.scan(source, asRead: reader).map(\.rule) == [.classified])
        #expect(moderator.scan("# 标题内部\n资料齐全").isEmpty)  // a real heading ends its block
    }

    /// The excerpt joins blocks with a space (`本通知为内部 资料`): what it alone shows is found, once
    /// (found by an attack run: the excerpt reached the page description and listings).
    @Test func aTermThatOnlyTheExcerptJoinsIsFound() {
        var excerpt = DerivedText("本通知为内部 资料，请勿转发。", line: 1)
        excerpt.isSummary = true
        let reader = [DerivedText("本通知为内部\u{2029}\n资料，请勿转发。\u{2029}", line: 1), excerpt]
        #expect(moderator.scan("本通知为内部\n\n资料，请勿转发。", asRead: reader).map(\.rule) == [.classified])
        // Found in the text already: the excerpt does not count it again.
        var again = DerivedText("这是内部资料。", line: 1)
        again.isSummary = true
        #expect(moderator.scan("这是内部资料。", asRead: [DerivedText("这是内部资料。", line: 1), again]).count == 1)
    }

    @Test func anAddressEndingABlockDoesNotRunIntoTheNextOne() {
        let findings = moderator.scan("来信请寄 service@example.org\u{2029}\nanswer 下一段")
        #expect(findings.map(\.matched) == ["service@example.org"])
        #expect(moderator.scan("手机1381234\u{2029}\n5678").map(\.rule) == [.mobile])
    }

    @Test func separateDerivedTextsDoNotRunIntoEachOther() {
        // Two values shown apart (a title and a tag) do not make one number or one term.
        let findings = moderator.scan("x", asRead: [DerivedText("1381234", line: 1), DerivedText("5678", line: 2),
                                                    DerivedText("内部", line: 3), DerivedText("资料", line: 4)])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func whiteSpaceRunsReadAsABrowserShowsThem() throws {
        // Eight spaces are more noise than a term may span as written; a browser shows one space.
        let source = "代        孕"
        #expect(moderator.scan(source).isEmpty)
        #expect(moderator.scan(source, asRead: [DerivedText(source, line: 1)]).map(\.rule) == [.classified])
    }

    @Test(arguments: [
        ("an override", "\u{202E}料资部内"),
        ("a right-to-left mark before reversed groups", "请联系 \u{200F} 5678 1234 139"),
        ("an Arabic letter mark", "请联系 \u{061C}5678-1234-139"),
        ("an isolate", "请联系 \u{2067} 5678 1234 139\u{2069}"),
        ("an embedding", "请联系 \u{202B}5678 1234 139\u{202C}"),
        ("an Arabic letter", "请联系 ا 5678 1234 139"),
        ("a Hebrew letter", "请联系 א 5678 1234 139"),
        ("a character reference", "请联系 &#x200F; 5678 1234 139"),
    ])
    func rightToLeftTextIsABlockingFinding(_ name: String, _ text: String) throws {
        let finding = try #require(moderator.scan(text).first { $0.rule == .rightToLeft }, "\(name)")
        #expect(finding.severity == .block)
        #expect(finding.line == 1)
    }

    @Test(arguments: [
        ("three spaces", "电话138   1234   5678"),
        ("tabs", "电话138\t1234\t5678"),
        ("line breaks", "电话138\n1234\n5678"),
        ("CRLF line breaks", "电话138\r\n1234\r\n5678"),
        ("ideographic spaces", "电话138\u{3000}1234\u{3000}5678"),
        ("figure spaces", "电话138\u{2007}1234\u{2007}5678"),
        ("line separators", "电话138\u{2028}1234\u{2028}5678"),
        ("spaces and a dash", "电话138 - 1234 - 5678"),
        ("format characters", "电话138\u{2060}1234\u{180E}5678"),
        ("Chinese numerals", "电话一三八一二三四五六七八"),
        ("spoken one and financial numerals", "电话幺叁捌壹贰叁肆伍陆柒捌"),
        ("numerals callers say", "电话么三九一两三四五六拐勾"),
        ("zero said as 洞 or written ○", "电话一三九一二三四五六洞○"),
        ("middle dots", "电话139·1234·5678"),
        ("katakana middle dots", "电话139・1234・5678"),
        ("underscores", "电话139_1234_5678"),
        ("slashes", "电话139/1234/5678"),
        ("full-width slashes", "电话139／1234／5678"),
        ("minus signs", "电话139−1234−5678"),
        ("ideographic full stops", "电话139。1234。5678"),
        ("tildes", "电话139~1234~5678"),
        ("colons that part no time", "电话139:1234:5678"),
        ("plus signs", "电话139+1234+5678"),
        ("hashes", "电话139#1234#5678"),
        ("pipes", "电话139|1234|5678"),
        ("CJK brackets", "电话【139】【1234】【5678】"),
        ("a run of one mark", "电话139---1234---5678"),
        ("combining underlines", "电话1\u{332}3\u{332}9\u{332}1\u{332}2\u{332}3\u{332}4\u{332}5\u{332}6\u{332}7\u{332}8\u{332}"),
        ("keycaps", "电话1\u{FE0F}\u{20E3}3\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}12345678"),
        ("a contact word glued to the number", "Tel13912345678"),
        // Every punctuation mark and symbol but the comma and `、`: a reader reads one number through them.
        ("quotation marks", "电话“138”“1234”“5678”"),
        ("book-title marks", "电话《138》《1234》《5678》"),
        ("exclamation and question marks", "电话138!1234?5678"),
        ("equals signs and ampersands", "电话138=1234&5678"),
        ("straight quotes", "电话\"138\" \"1234\" '5678'"),
        ("an escaped asterisk", "电话138 \\* 1234 \\* 5678"),
        ("arrows", "电话138→1234→5678"),
        ("emoji", "电话138🌸1234🌸5678"),
        ("Hangzhou numerals", "电话〡〣〨〡〢〣〤〥〦〧〨"),
        // Letters drawn as a dot or a bar (the second attack of 2026-12-02).
        ("the sinological dot", "电话138ꞏ1234ꞏ5678"),
        ("a modifier letter colon", "电话139ː8765ː4321"),
        ("Hangul drawn as a dash", "电话137ㅡ1111ㅡ2222"),
        ("a stroke ideograph", "电话137丨1111丨2222"),
    ])
    func whiteSpaceOfAnyKindSeparatesDigitGroups(_ name: String, _ text: String) {
        #expect(moderator.scan(text).map(\.rule) == [.mobile], "\(name)")
    }

    @Test(arguments: [
        ("a date range with a dash", "活动时间2024.09.10—2024.12.31"),
        ("a date range with hyphens", "有效期2024-09-10至2024-12-31"),
        ("dates without zeros", "2023.1.1-2023.12.31"),
        ("dates spaced", "2024 09 10 2024 12 31"),
        ("a year list", "2019 2020 2021 2022"),
        ("a time range", "上午8:00-11:30，下午2:00-5:00"),
        ("Chinese numerals in prose", "一五一十地说明，三三两两来就诊"),
        ("a count with thousands separators", "全省累计服务 13,912,345,678 人次"),
        ("opening hours", "上午8:00-11:30，下午14:00-17:30，午休12:00-13:30"),
        ("a list of times", "8:00 9:30 11:00 14:00 15:30 17:00"),
        ("a list of room numbers", "接种室位于6201、6202、6203、6204室。"),
        ("a list of hotlines", "拨打12320、12345、120、110、95518咨询"),
        ("bus routes", "乘坐1、3、9、12、34、56、78路公交"),
        ("service numbers", "客服热线400-888-1234、800-820-1234"),
        ("a code glued to letters", "序列号SN13912345678"),
        // Found by the second attack of 2026-12-02, when `%` and `；` joined digit groups.
        ("a table of percentages", "| 年份 | 一类 | 二类 | 三类 |\n| --- | --- | --- | --- |\n| 2021 | 13.8% | 12.3% | 45.6% |\n| 2022 | 14.2% | 15.7% | 48.9% |"),
        ("percentages listed with semicolons", "检测结果显示：13.8%；12.3%；45.6%；78.9%。"),
        ("decimals listed with semicolons", "检测结果显示：13.8；12.3；45.6；78.9。"),
        // Found by a probe of 3750f8a: a count or a postal code beside a date is no ID with its check character off.
        ("a table row of counts and a date", "| 年龄 | 人数 | 日期 | 剂次 |\n|---|---|---|---|\n| 35 | 1200 | 2024-04-16 | 12 |"),
        ("a postal code and a date", "邮政编码210008/2024.04.16—05.31"),
    ])
    func datesAndOrdinaryNumbersAreNotPersonalData(_ name: String, _ text: String) {
        #expect(moderator.scan(text).isEmpty, "\(name): \(moderator.scan(text))")
    }

    @Test(arguments: [
        ("spaces around @ and the dot", "邮箱 zhangsan @ qq . com", "zhangsan @ qq . com"),
        ("a hash for @", "邮箱 zhangsan#qq.com", "zhangsan#qq.com"),
        ("a bracketed @", "邮箱 zhangsan(@)qq.com", "zhangsan(@)qq.com"),
        ("an ideographic full stop for the dot", "邮箱 zhangsan@qq。com", "zhangsan@qq。com"),
        ("at and dot as words", "邮箱 zhangsan at 163 dot com", "zhangsan at 163 dot com"),
        // Found by the second attack of 2026-12-02.
        ("a bracketed dot", "邮箱 zhangsan@qq[.]com", "zhangsan@qq[.]com"),
        ("at and dot in brackets", "邮箱 wangwu[at]qq[.]com", "wangwu[at]qq[.]com"),
        ("a dot in parentheses", "邮箱 wangwu@qq(.)com", "wangwu@qq(.)com"),
        ("an underscore for the dot", "邮箱 lisi@qq_com", "lisi@qq_com"),
    ])
    func emailAddressesWrittenToDodgeFiltersAreFound(_ name: String, _ text: String, _ matched: String) throws {
        let finding = try #require(moderator.scan(text).first, "\(name)")
        #expect(finding.rule == .email)
        #expect(finding.matched == matched)
    }

    @Test func aLandlineWrittenAbroadWithoutItsZeroIsFound() {
        #expect(moderator.scan("致电 +86 25 8335 9001").map(\.rule) == [.landline])
        #expect(moderator.scan("致电 +86-25-83359001").map(\.rule) == [.landline])
    }

    @Test func japaneseFormsOfACharacterReadAsChinese() throws {
        let lexicon = try Lexicon(entries: [.init(term: "不得外传", list: .classified), .init(term: "未公开疫情数据", list: .classified)])
        let moderator = Moderator(lexicon: lexicon)
        #expect(moderator.scan("本文不得外伝").map(\.rule) == [.classified])
        #expect(moderator.scan("未公开疫情数拠").map(\.rule) == [.classified])
    }

    @Test(arguments: [
        ("a comma between two words", "科室内部，资料齐全的可当日办理。"),
        ("a full stop between two words", "请在单位内部。资料请另行领取。"),
        ("a semicolon", "科室内部；资料室在二楼"),
    ])
    func aTermDoesNotRunAcrossTheEndOfAClause(_ name: String, _ text: String) {
        #expect(moderator.scan(text).isEmpty, "\(name): \(moderator.scan(text))")
    }

    @Test(arguments: ["内，部，资，料", "内。部。资。料", "代，孕", "内……部……资……料", "内⋯⋯部⋯⋯资⋯⋯料", "内︙︙部︙︙资︙︙料",
                      "内ꞏ部ꞏ资ꞏ料", "内ㆍ部ㆍ资ㆍ料", "内ː部ː资ː料", "代‼‼孕",
                      // Found by the attack of 2026-12-02 (third session): letters of other scripts drawn as a dot, a
                      // dash, a bar or a stroke, and the ideographs that are a bare stroke.
                      "内部ᐧ资料", "内部ᐧᐧᐧ资料", "内部ᐨ资料", "内部ᐟ资料", "内部ᐝ资料", "内部ᐤ资料", "内部ー资料", "内部ｰ资料", "内部ーー资料",
                      "内部ㅣ资料", "内部ᅵ资料", "内部ᆢ资料", "内部ㆎ资料", "内部ヽ资料", "内部ゝ资料", "内部ゞ资料", "内部ヾ资料", "内部〱资料",
                      "内部〆资料", "内部丿资料", "内部亅资料", "内部乀资料", "内部乁资料", "内部乛资料", "内部乚资料",
                      // Found by the second attack of that session: Hangul circles, katakana ノ drawn as 丿, radicals' dots
                      // and strokes, the vertical iteration mark (a squiggle), a radical that stands for four dots.
                      "内部ㅇ资料", "内部ᄋ资料", "内部ㆁ资料", "内部ノ资料", "内部ﾉ资料", "内部冫资料", "内部氵资料", "内部灬资料",
                      "内部彡资料", "内部丷资料", "内部〻资料"])
    func aTermSpelledOutOneCharacterAtATimeIsStillFound(_ text: String) {
        #expect(moderator.scan(text).map(\.rule) == [.classified], "\(text)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aLongRunOfSpacedDigitsIsScannedInLinearTime() {
        // 40,000 single digits joined by spaces are one run of groups; spans are bounded to 19 digits.
        let text = Array(repeating: "1", count: 40_000).joined(separator: " ")
        _ = moderator.scan(text, asRead: [DerivedText(text, line: 1)])
    }

    @Test(arguments: ["11010519491231002×", "11010519491231002✕", "11010519491231002\u{3A7}", "11010519491231002叉"])
    func anIDWhoseCheckCharacterIsWrittenAsATimesSignIsFound(_ text: String) {
        #expect(moderator.scan("证号" + text).map(\.rule) == [.idCard], "\(text)")
    }

    @Test func anIdeographDrawnAsADotDoesNotSplitATerm() {
        #expect(moderator.scan("内丶部丶资丶料").map(\.rule) == [.classified])
    }

    /// A radical of the CJK radicals supplement may be drawn as the ideograph it stands for (`领导批⺬件`, `⺬` as
    /// `示`: found by the attack of 2026-12-02, third session) or as a mark between two characters (`内⺊部资料`):
    /// read through as a symbol, as before, and sent to review. Read as its ideograph, it split terms it only
    /// interrupts to the eye (found by the review of that session).
    @Test func aRadicalOfTheSupplementIsReadThroughAndGoesToReview() throws {
        let lexicon = try Lexicon(entries: [.init(term: "领导批示件", list: .classified), .init(term: "内部资料", list: .classified)])
        let moderator = Moderator(lexicon: lexicon)
        #expect(moderator.scan("这是领导批⺬件。").map(\.rule) == [.rareCharacter])
        for text in ["内⺊部资料", "内⺄部资料", "内⺍部资料", "内部⺣资料"] {
            #expect(moderator.scan(text).map(\.rule).sorted { $0.rawValue < $1.rawValue } == [.classified, .rareCharacter], "\(text)")
        }
    }

    /// An iteration mark is read as the character it repeats, and 乙 and 〇 are words (乙肝, 二〇二四年): none is read through.
    @Test(arguments: ["内部々资料", "内部乙资料", "内部〇资料"])
    func anIterationMarkOrANumeralBetweenTwoCharactersIsNoMark(_ text: String) {
        #expect(moderator.scan(text).isEmpty, "\(text)")
    }

    @Test func anIDThatHoldsAWholeDateIsStillAnID() {
        #expect(moderator.scan("证号320102-1980-01-01-1238").map(\.rule) == [.idCard])
        #expect(moderator.scan("证号 320102 1980 01 01 1238").map(\.rule) == [.idCard])
    }
}
