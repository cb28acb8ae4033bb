@testable import Diagnostics
import Testing

/// One catalog of what editors and reviewers read, in English and Chinese.
struct MessageCatalogTests {
    @Test func theLocaleChoosesTheLanguage() {
        #expect(Language.from(["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.from(["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.from(["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.from([:]) == .english)
    }

    /// Every Chinese text puts back exactly the values its English pattern takes.
    @Test func everyEntryKeepsItsPlaceholders() {
        func placeholders(_ text: String) -> [String] {
            text.split(separator: "{", omittingEmptySubsequences: false).dropFirst()
                .compactMap { $0.split(separator: "}").first.map { String($0.filter { $0 != "!" }) } }
        }
        for (english, chinese) in MessageCatalog.entries {
            #expect(Set(placeholders(english)) == Set(placeholders(chinese)), "\(english)")
            // Chinese words, or for a line's frame (`  {1}  [{3}；{4}]`) at least Chinese punctuation.
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0xFF01...0xFF1F).contains($0.value) },
                    "\(english)")
            #expect(chinese != english, "\(english)")
        }
    }

    @Test func aProblemLineIsTranslatedWithItsPartsAndKeepsItsLocation() {
        let line = "Content/answers/nj/fever.md:5: error: `2024-13-01` is not a date. Write it as YYYY-MM-DD, e.g. 2024-05-01."
        #expect(MessageCatalog.text(line, in: .chinese)
            == "Content/answers/nj/fever.md:5：错误：“2024-13-01”不是日期。请写成 年-月-日，例如 2024-05-01。")
        #expect(MessageCatalog.text(line, in: .english) == line)
    }

    @Test func aReasonInsideALineIsTranslatedToo() {
        #expect(MessageCatalog.text("held back: nj/a (Content/answers/nj/a.md): awaiting review (2 findings)", in: .chinese)
            == "未发布：nj/a（Content/answers/nj/a.md）：等待审核（2 处发现）")
    }

    @Test func aMissingFilingNamesTheCityAndKeyInChinese() {
        let line = "Content/portal.yml:40: error: 苏州市 has no `icp`, which every page of its site must show. "
            + "Add `icp:` to its entry in portal.yml, or to `site_defaults:` when the whole province shares it."
        #expect(MessageCatalog.text(line, in: .chinese)
            == "Content/portal.yml:40：错误：苏州市缺少 `icp`，其网站每个页面都必须显示它。请在 portal.yml 中该城市的条目里加上 `icp:`；全省共用时，加在 `site_defaults:` 下。")
        #expect(MessageCatalog.text("Content/portal.yml:3: error: `privacy` `../x.md`: it leaves the content folder. "
            + "Put the privacy statement in the content folder and write its path from there.", in: .chinese)
            == "Content/portal.yml:3：错误：`privacy`“../x.md”指向内容文件夹之外。请把隐私声明放进内容文件夹，并写出从内容文件夹起的路径。")
    }

    @Test func whatTheCatalogLacksStaysInEnglish() {
        #expect(MessageCatalog.text("Something new happened.", in: .chinese) == "Something new happened.")
    }

    @Test func aReviewerReadsARefusalWithItsReasonInChinese() {
        let refusal = "error: `nj/a` cannot be approved: blocked: pii.mobile at line 7; remove it, it can never be approved (article 37, appendix 2)."
        #expect(MessageCatalog.text(refusal, in: .chinese)
            == "错误：“nj/a”不能批准：禁止发布：第 7 行的 pii.mobile；请删除，这类内容永远不能批准（第三十七条、附件二）。")
    }

    /// Someone's own words stay as written, and a value holding `{3}` is not filled in (found by a review).
    @Test func ownWordsAndBracesInValuesStayAsWritten() {
        #expect(MessageCatalog.text("rejected by 审核员: awaiting review {2}", in: .chinese) == "被 审核员 退回：awaiting review {2}")
        #expect(MessageCatalog.text("held back: nj/{3} (a{1}.md): awaiting review", in: .chinese) == "未发布：nj/{3}（a{1}.md）：等待审核")
    }

    @Test func anUnknownKeyNamesTheFileWholeAndTheRightNoun() {
        let line = "Content/answers/nj/a.md:3: error: `titel` is not a known key of the front matter. Use one of: id, title. Did you mean `title`?"
        #expect(MessageCatalog.text(line, in: .chinese)
            == "Content/answers/nj/a.md:3：错误：“titel”不是开头信息区能用的键。请使用其中之一：id, title。您是不是想写“title”？")
        #expect(MessageCatalog.text("portal.yml:2: error: `foo` is not a known key of portal.yml. Use one of: name.", in: .chinese)
            == "portal.yml:2：错误：“foo”不是portal.yml能用的键。请使用其中之一：name。")
    }

    @Test func scaffoldingSpeaksChineseToo() {
        #expect(MessageCatalog.text("zz/x: error: `zz/x` does not name a scope and an id. Write province/<id> or <city>/<id> with a city of portal.yml (nj, sz), e.g. province/flu-vaccine.", in: .chinese)
            == "zz/x：错误：“zz/x”没有写明范围和 id。请写 province/<id> 或 <城市缩写>/<id>，城市缩写见 portal.yml（nj, sz），例如 province/flu-vaccine。")
    }

    /// A message that shows a braced word (`{abbr}`) is matched and filled like any other.
    @Test func bracedWordsInAMessageAreText() {
        let line = "portal.yml:8: error: `domain_pattern` `www.js{abbr}{abbr}.cn` has 2 times `{abbr}`. Write `{abbr}` exactly once where each city's abbreviation goes, e.g. `www.js{abbr}12320.cn` (article 33)."
        #expect(MessageCatalog.text(line, in: .chinese)
            == "portal.yml:8：错误：`domain_pattern`“www.js{abbr}{abbr}.cn”中 `{abbr}` 出现了 2 次。请在城市缩写的位置写一次且只写一次 `{abbr}`，例如 `www.js{abbr}12320.cn`（第三十三条）。")
    }

    @Test func aReviewerReadsTheQueueAndAnAnswersHistoryInChinese() {
        #expect(MessageCatalog.text("  nj/a  夜间门诊？  [2 for review; submitted 2026-11-29 18:52 by 王编辑, 3h 2m ago; approved revision online]", in: .chinese)
            == "  nj/a  夜间门诊？  [2 处需审核；王编辑 于 2026-11-29 18:52 提交，已等待 3h 2m；已批准的版本在线]")
        #expect(MessageCatalog.text("  2026-11-29 18:52  rejected by 李审核 (an earlier text): 请补充地址", in: .chinese)
            == "  2026-11-29 18:52  李审核 退回（较早的文本）：请补充地址")
        #expect(MessageCatalog.text("\n1 finding (^ marks each).", in: .chinese) == "\n1 处发现（^ 标出位置）。")
        // Names and titles are someone's own words: a title that reads like a message is not translated.
        #expect(MessageCatalog.text("  nj/a  approved  [no findings; not submitted]", in: .chinese) == "  nj/a  approved  [无发现；尚未提交]")
    }

    @Test func anEditorReadsImageAndPDFProblemsInChinese() {
        let line = "Content/answers/nj/a.md:9: error: `map.svg` is an SVG image, which can carry scripts and is not published. Export it as PNG (or WebP) and use that file."
        #expect(MessageCatalog.text(line, in: .chinese)
            == "Content/answers/nj/a.md:9：错误：“map.svg”是 SVG 图片，可能携带脚本，不予发布。请导出为 PNG（或 WebP）后使用该文件。")
    }

    @Test func englishCountsAgreeWithTheirNouns() {
        #expect(Plural.of(1, "finding") == "1 finding")
        #expect(Plural.of(0, "finding") == "0 findings")
        #expect(Plural.of(2, "reply", plural: "replies") == "2 replies")
        #expect(MessageCatalog.text("awaiting review (1 finding)", in: .chinese) == "等待审核（1 处发现）")
    }
}
