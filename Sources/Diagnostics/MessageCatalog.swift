import Foundation

/// The one catalog of what editors and reviewers read, in English (as the
/// code writes it) and Simplified Chinese. A message is matched against the
/// English patterns, where `{1}`, `{2}`… stand for what varies (a key, a file,
/// a count); the Chinese pattern puts them back, in its own order, and what a
/// placeholder held is translated too when the catalog knows it (a reason
/// inside a line) — except `{n!}`, which holds someone's own words (a
/// reviewer's note) and stays as written. A message the catalog lacks is
/// shown in English.
package enum MessageCatalog {
    /// `message` in `language`.
    package static func text(_ message: String, in language: Language) -> String {
        guard language == .chinese, !message.isEmpty else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translateLine(String($0)) }.joined(separator: "\n")
    }

    private static func translateLine(_ line: String, depth: Int = 0) -> String {
        for entry in compiled {
            guard let values = entry.match(line) else { continue }
            return entry.fill(Dictionary(uniqueKeysWithValues: values.map { slot, value in
                (slot, entry.raw.contains(slot) || depth >= 3 ? value : translateLine(value, depth: depth + 1))
            }))
        }
        return line
    }

    /// A finding's severity as reviewers read it.
    package static func severity(_ name: String, in language: Language) -> String {
        guard language == .chinese else { return name }
        return ["block": "禁止发布", "review": "需审核", "info": "提示"][name] ?? name
    }

    /// A finding's rule as reviewers read it, the rule's id kept after it.
    package static func rule(_ id: String, in language: Language) -> String {
        guard language == .chinese else { return id }
        let names = ["classified": "涉密", "sensitive": "敏感", "taboo": "忌语", "pii.id-card": "身份证号", "pii.mobile": "手机号",
                     "pii.landline": "固定电话", "pii.email": "电子邮箱", "pii.bank-card": "银行卡号",
                     "text.right-to-left": "从右向左排列的文字", "contact.public": "通讯录中的公开联系方式",
                     "text.rare-character": "生僻字（可能是形近常用字的异体）"]
        return names[id].map { "\($0)（\(id)）" } ?? id
    }

    private static let compiled: [Pattern] = entries.map { Pattern(english: $0.0, chinese: $0.1) }

    /// English and Chinese, most specific first (the first match wins).
    static let entries: [(String, String)] = [
        // Problems, as `Diagnostic.rendered` writes them.
        ("{1}: error: {2}", "{1}：错误：{2}"),
        ("{1}: warning: {2}", "{1}：警告：{2}"),
        ("error: {1}", "错误：{1}"),
        ("1 problem found.", "共发现 1 个问题。"),
        ("{1} problems found.", "共发现 {1} 个问题。"),
        ("{1} problems in the answers of cities not built now: they stop those cities' builds, not this one.",
         "本次未构建的城市的答复中有 {1} 个问题：它们会阻止那些城市的构建，但不影响本次构建。"),
        // Front matter and answers.
        ("The answer has no front matter. Start the file with a line `---`, the keys id, title, category and updated, and another `---`.",
         "答复没有开头的信息区。请在文件第一行写 `---`，接着写 id、title、category、updated 各一行，再写一行 `---`。"),
        ("The front matter is never closed. Add a line `---` after the last front matter key.", "开头的信息区没有结束。请在最后一个键之后加一行 `---`。"),
        ("`{1}` is missing. {2}", "缺少“{1}”。{2}"),
        ("`{1}` is empty. Give it a value.", "“{1}”是空的。请填写内容。"),
        ("`{1}` must be a single value. Write it on one line after `{2}:`.", "“{1}”只能有一个值。请写在 `{2}:` 后面的同一行。"),
        ("`{1}` must be a list. Write it as `{2}: [a, b]`.", "“{1}”应当是列表。请写成 `{2}: [a, b]`。"),
        ("`{1}` is not a known key of {2}. {3}", "“{1}”不是{2}能用的键。{3}"),
        ("the front matter", "开头信息区"),
        ("a person", "人员条目"),
        ("an organisation", "单位条目"),
        ("a city", "城市条目"),
        ("`{1}` is given twice. Keep one of them.", "“{1}”写了两次。请只保留一个。"),
        ("`{1}` is not a date. Write it as YYYY-MM-DD, e.g. 2024-05-01.", "“{1}”不是日期。请写成 年-月-日，例如 2024-05-01。"),
        ("The category `{1}` is not in the province taxonomy. Use one of: {2}, or add it to portal.yml (article 19).",
         "分类“{1}”不在全省统一的分类中。请使用其中之一：{2}，或请省中心在 portal.yml 中增加（第十九条）。"),
        ("The id `{1}` cannot be used in a page address. Use lowercase ASCII letters, digits and hyphens only, e.g. `flu-vaccine-2024`.",
         "id“{1}”不能用在网页地址中。只能用小写英文字母、数字和连字符，例如 `flu-vaccine-2024`。"),
        ("The id `{1}` is already used by {2}. Give this answer an id of its own within `{3}`.",
         "id“{1}”已被 {2} 使用。请在“{3}”范围内给这条答复另起一个 id。"),
        ("Add `id:` with a short name for the page URL, e.g. `flu-vaccine`.", "请加上 `id:`，写一个用于网页地址的简短英文名，例如 `flu-vaccine`。"),
        ("Add `title:` with the question as visitors would ask it.", "请加上 `title:`，写市民会怎样问这个问题。"),
        ("Add `updated:` with the date of the last change, e.g. 2024-05-01.", "请加上 `updated:`，写最近一次修改的日期，例如 2024-05-01。"),
        ("Add `category:` with one of: {1}.", "请加上 `category:`，写其中之一：{1}。"),
        ("The YAML is malformed: {1}", "开头信息区的格式有误：{1}"),
        ("The file cannot be read. Check that it exists and that you may read it.", "无法读取该文件。请检查文件是否存在，以及您是否有权读取。"),
        ("This is not a file but a folder, a pipe or a device, so it cannot be read as text. Put the text in an ordinary file, or remove this entry.",
         "这不是普通文件，而是文件夹、管道或设备，无法作为文本读取。请把文字放进普通文件，或删除此项。"),
        ("The name of this file or folder is not valid UTF-8 text, so it cannot be read by its name. Rename it, with Chinese or Latin letters, digits and hyphens.",
         "该文件或文件夹的名称不是有效的 UTF-8 文本，无法按名称读取。请重新命名，使用汉字或拉丁字母、数字和连字符。"),
        ("The file is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8).",
         "文件不是 UTF-8 编码的文本。请另存为 UTF-8（多数编辑器：另存为… → 编码：UTF-8）。"),
        ("This is not a Markdown answer. Answers are `.md` files; move other files out of the answers folder.",
         "这不是 Markdown 答复。答复是 `.md` 文件；请把其他文件移出 answers 文件夹。"),
        ("Use the id of a public answer of this city or of the province, or remove the link.", "请改用本市或全省公开答复的 id，或删除这个链接。"),
        ("The link `answer:{1}` names no answer. {2}", "链接 `answer:{1}` 指向的答复不存在。{2}"),
        ("The link `answer:{1}` names no answer, or a private one, which is never published. {2}",
         "链接 `answer:{1}` 指向的答复不存在，或是永远不发布的私人答复。{2}"),
        ("Use the id of an answer of this city or of the province, or remove the link.", "请改用本市或全省答复的 id，或删除这个链接。"),
        ("The link `answer:{1}` names a private reply, which is never published. {2}", "链接 `answer:{1}` 指向私人答复，私人答复永远不发布。{2}"),
        ("The link `answer:{1}` names an answer of `{2}`, but this provincial answer is on every city's site. {3}",
         "链接 `answer:{1}` 指向“{2}”的答复，但这条全省答复会出现在每个城市的网站上。{3}"),
        ("The link `answer:{1}` names an answer of `{2}`, which is not on this city's site. {3}",
         "链接 `answer:{1}` 指向“{2}”的答复，而本市网站上没有它。{3}"),
        ("`overrides: {1}` names no provincial answer. Use the id of an answer in answers/province, or remove `overrides:`.",
         "`overrides: {1}` 指向的全省答复不存在。请改用 answers/province 中答复的 id，或删除 `overrides:`。"),
        ("The id `{1}` is also a provincial answer's id, so both would have the same address. Rename this answer, or add `overrides: {2}` if it replaces the provincial one.",
         "id“{1}”与一条全省答复相同，两者会占用同一个网页地址。请给这条答复改名；如果它是用来替换全省答复的，请加上 `overrides: {2}`。"),
        ("`overrides: {1}` names a private provincial reply, which is never published. Remove `overrides:`; only public provincial answers can be replaced.",
         "`overrides: {1}` 指向私人答复，私人答复永远不发布。请删除 `overrides:`；只能替换公开的全省答复。"),
        ("A provincial answer cannot override another answer. Remove `overrides:`; only city answers replace provincial ones.",
         "全省答复不能替换其他答复。请删除 `overrides:`；只有城市答复可以替换全省答复。"),
        ("`{1}` already replaces the provincial answer `{2}` on this city's site. Keep one city answer with `overrides: {3}`; merge the other into it.",
         "“{1}”已经在本市网站上替换了全省答复“{2}”。请只保留一条带 `overrides: {3}` 的城市答复，把另一条合并进去。"),
        ("Unknown visibility `{1}`. Use `public` (published after review) or `private` (a reply to one caller, never published).",
         "未知的 visibility“{1}”。请写 `public`（审核后公开发布）或 `private`（只回复一位来电人，永不发布）。"),
        ("No city in portal.yml has the abbreviation `{1}`. {2}", "portal.yml 中没有缩写为“{1}”的城市。{2}"),
        ("`{1}` is not an audio or video file name. Name a file in the media folder ending in {2}.",
         "“{1}”不是音频或视频文件名。请写 media 文件夹中以下列扩展名结尾的文件：{2}。"),
        ("The media file `{1}` is not in {2}. Put the file there or remove it from `media:`.",
         "媒体文件“{1}”不在 {2} 中。请把文件放进去，或把它从 `media:` 中删除。"),
        ("The media file `{1}` is not in {2}. Put the file there or remove it from the text.",
         "媒体文件“{1}”不在 {2} 中。请把文件放进去，或把它从正文中删除。"),
        ("`{1}` is not a file name of the media folder. Write the file's name only, e.g. map.png.",
         "“{1}”不是 media 文件夹中的文件名。请只写文件名，例如 map.png。"),
        ("`{1}` is an SVG image, which can carry scripts and is not published. Export it as PNG (or WebP) and use that file.",
         "“{1}”是 SVG 图片，可能携带脚本，不予发布。请导出为 PNG（或 WebP）后使用该文件。"),
        ("`{1}` is a GIF image, which is not published. Export it as PNG (or WebP) and use that file.",
         "“{1}”是 GIF 图片，不予发布。请导出为 PNG（或 WebP）后使用该文件。"),
        ("`{1}` is a PDF, which cannot be shown as an image. Link to it instead: [title]({2}).",
         "“{1}”是 PDF，不能作为图片显示。请改用链接：[标题]({2})。"),
        ("`{1}` cannot be presented here. Name a file of the media folder ending in {2}.",
         "“{1}”不能放在这里。请写 media 文件夹中以下列扩展名结尾的文件：{2}。"),
        ("`{1}` has no description `{2}.txt`. Write next to it what the image shows, in a sentence or two: it is read out to blind readers and reviewed.",
         "“{1}”没有图片说明 `{2}.txt`。请在旁边用一两句话写明图片内容：它会读给视障读者听，并需要审核。"),
        ("`{1}` has no summary `{2}.txt`. Write next to it what the PDF says, in a few sentences: it is shown with the link and reviewed.",
         "“{1}”没有摘要 `{2}.txt`。请在旁边用几句话写明 PDF 的内容：它会和链接一起显示，并需要审核。"),
        ("`{1}` is not the image its name says. Save it again as PNG, JPEG or WebP, with the matching ending.",
         "“{1}”的内容与文件名所示的图片格式不符。请重新另存为 PNG、JPEG 或 WebP，并使用对应的扩展名。"),
        ("`{1}` is {2}×{3} pixels, too large to publish. Export it smaller, e.g. 4,000 pixels wide; the page shows it at most 1,200 pixels wide.",
         "“{1}”为 {2}×{3} 像素，太大，不能发布。请导出为较小的图片，例如 4000 像素宽；网页最多以 1200 像素宽显示。"),
        ("`{1}` is not a PDF file. Save it again as PDF.", "“{1}”不是 PDF 文件。请重新另存为 PDF。"),
        ("`{1}` cannot be read as a PDF, so what it says cannot be checked. Save it again as PDF, without a password.",
         "无法读取 PDF“{1}”，因此无法检查其内容。请重新另存为不带密码的 PDF。"),
        ("The image cannot be read: {1}. Open it in an image editor and save it again as PNG, JPEG or WebP.",
         "无法读取图片：{1}。请用图片编辑软件打开，重新另存为 PNG、JPEG 或 WebP。"),
        ("This needs `{1}`, which is not installed. Run `bash scripts/install-deps.sh` (it installs the Debian package {2}).",
         "需要程序 `{1}`，但尚未安装。请运行 `bash scripts/install-deps.sh`（它会安装 Debian 软件包 {2}）。"),
        ("`{1}` has no readable transcript `{2}.txt`. Write its transcript next to it: audio and video publish only with a reviewed transcript (article 37).",
         "“{1}”没有可读的文字稿 `{2}.txt`。请在旁边写好文字稿：音视频只有文字稿通过审核后才能发布（第三十七条）。"),
        ("Use one of: {1}. Did you mean `{2}`?", "请使用其中之一：{1}。您是不是想写“{2}”？"),
        ("Use one of: {1}.", "请使用其中之一：{1}。"),
        // portal.yml and people.yml (what the provincial centre reads).
        ("`{1}` is neither `province` nor a city abbreviation. Use `province` or one of: {2}.",
         "“{1}”既不是 `province`，也不是城市缩写。请写 `province` 或其中之一：{2}。"),
        ("Unknown role `{1}`. Use `editor` or `reviewer`.", "未知的角色“{1}”。请写 `editor`（编辑）或 `reviewer`（审核人）。"),
        ("`scopes` is missing or empty. Write e.g. `scopes: [province]` or `scopes: [nj]`.",
         "缺少 `scopes` 或为空。请写例如 `scopes: [province]` 或 `scopes: [nj]`。"),
        ("The key is not an Ed25519 public key (`ed25519:<base64>`). Paste the `key:` line that `portal12320 key new` printed.",
         "这不是 Ed25519 公钥（`ed25519:<base64>`）。请粘贴 `portal12320 key new` 打印的 `key:` 那一行。"),
        ("`{1}` is listed twice. Keep one entry per person.", "“{1}”列了两次。每人只保留一个条目。"),
        ("This key is already another person's. Each person signs with a key of their own.", "这把密钥已属于另一人。每人必须用自己的密钥签名。"),
        ("people.yml is not a list of people. {1}", "people.yml 不是人员列表。{1}"),
        ("Unknown review policy `{1}`. {2}", "未知的审核方式“{1}”。{2}"),
        ("`hotline` `{1}` is not a phone number.{2}", "`hotline`“{1}”不是电话号码。{2}"),
        ("`email` `{1}` is not an e-mail address.{2}", "`email`“{1}”不是电子邮箱地址。{2}"),
        ("`hub_domain` `{1}` is not a domain: {2}", "`hub_domain`“{1}”不是域名：{2}"),
        ("`domain_pattern` `{1}` has no `{abbr}`. {2}", "`domain_pattern`“{1}”中没有 `{abbr}`。{2}"),
        ("`domain_pattern` `{1}` has {2} times `{abbr}`. {3}", "`domain_pattern`“{1}”中 `{abbr}` 出现了 {2} 次。{3}"),
        ("Write `{abbr}` exactly once where each city's abbreviation goes, e.g. `www.js{abbr}12320.cn` (article 33).",
         "请在城市缩写的位置写一次且只写一次 `{abbr}`，例如 `www.js{abbr}12320.cn`（第三十三条）。"),
        ("`domain_pattern` `{1}` gives `{2}` for {3}, which is not a domain: {4}. {5}", "`domain_pattern`“{1}”为{3}生成的“{2}”不是域名：{4}。{5}"),
        ("Write lowercase letters, digits, inner hyphens and dots around one `{abbr}`, e.g. `www.js{abbr}12320.cn`.",
         "请在一个 `{abbr}` 周围使用小写字母、数字、中间的连字符和点，例如 `www.js{abbr}12320.cn`。"),
        ("The domain `{1}` is given both to {2} and to {3} (`hub_domain`, `domain_pattern`). {4}",
         "域名“{1}”同时分给了{2}和{3}（`hub_domain`、`domain_pattern`）。{4}"),
        ("The domain `{1}` names a folder the build writes. {2}", "域名“{1}”与构建写出的文件夹同名。{2}"),
        ("Give the hub and every city a domain of its own (the hub `www.js12320.cn`, cities `www.js{abbr}12320.cn`).",
         "请给总站和每个城市各自的域名（总站 `www.js12320.cn`，城市 `www.js{abbr}12320.cn`）。"),
        ("the hub", "总站"),
        ("Write a domain of lowercase letters, digits, inner hyphens and dots, e.g. `www.js12320.cn`.",
         "请使用由小写字母、数字、中间的连字符和点组成的域名，例如 `www.js12320.cn`。"),
        ("it is empty", "它是空的"),
        ("it contains a space", "它含有空格"),
        ("it contains the invisible character {1}", "它含有不可见字符 {1}"),
        ("it contains {1}", "它含有 {1}"),
        ("it is longer than 253 characters", "它超过 253 个字符"),
        ("it ends with a dot", "它以点结尾"),
        ("it has an empty part (`..` or a leading dot)", "它有空的部分（`..` 或以点开头）"),
        ("it has no dot: a public site needs a full domain", "它没有点：公开网站需要完整的域名"),
        ("its part `{1}` is longer than 63 characters", "其中的“{1}”超过 63 个字符"),
        ("its part `{1}` starts or ends with a hyphen", "其中的“{1}”以连字符开头或结尾"),
        ("`{1}` `{2}`: it leaves the content folder. Put the {3} in the content folder and write its path from there.",
         "`{1}`“{2}”指向内容文件夹之外。请把{3}放进内容文件夹，并写出从内容文件夹起的路径。"),
        ("`{1}` `{2}`: the file does not exist. Put the {3} in the content folder or correct the path.",
         "`{1}`“{2}”：文件不存在。请把{3}放进内容文件夹，或改正路径。"),
        ("`{1}` `{2}`: {3}", "`{1}`“{2}”：{3}"),
        ("logo", "标识文件"),
        ("privacy statement", "隐私声明"),
        // The footer every site must show (ICP and public-security filings, sponsor, privacy statement).
        ("{1} has no `{2}`, which every page of its site must show. Add `{3}:` to its entry in portal.yml, or to `site_defaults:` when the whole province shares it.",
         "{1}缺少 `{2}`，其网站每个页面都必须显示它。请在 portal.yml 中该城市的条目里加上 `{3}:`；全省共用时，加在 `site_defaults:` 下。"),
        ("The hub", "总站"),
        ("{1} is not a list of `key: value` lines. Write one `key: value` per line.", "{1}不是 `键: 值` 形式的若干行。请每行写一个 `键: 值`。"),
        ("Write `police_record: { number: 苏公网安备 32010202000001号, link: https://beian.mps.gov.cn/#/query/webSearch?code=32010202000001 }`.",
         "请写成 `police_record: { number: 苏公网安备 32010202000001号, link: https://beian.mps.gov.cn/#/query/webSearch?code=32010202000001 }`。"),
        ("not an http address", "不是 http 地址"),
        ("the server refuses HEAD and GET", "服务器拒绝 HEAD 和 GET 请求"),
        // search/synonyms.txt.
        ("The synonym group `{1}` has one word only. Write two or more words that mean the same on one line, e.g. `跌倒 摔跤 摔倒`.",
         "同义词组“{1}”只有一个词。请在同一行写两个或更多意思相同的词，例如 `跌倒 摔跤 摔倒`。"),
        ("The synonym list contains {1}, which every site's search sends to browsers. Remove it from the line.",
         "同义词表含有{1}，每个网站的搜索都会把它发送给浏览器。请从该行删除。"),
        ("synonym list", "同义词表"),
        ("The synonym `{1}` has nothing search can match: no Chinese character and no two letters or digits together. Write words residents type, e.g. `跌倒` or `HIV`.",
         "同义词“{1}”中没有搜索能匹配的内容：既没有汉字，也没有连续两个字母或数字。请写居民会输入的词，例如 `跌倒` 或 `HIV`。"),
        ("The word `{1}` is also in the synonym group on line {2}: a search for it expands to both groups. Keep each word in one group, or merge the two lines.",
         "词语“{1}”也出现在第 {2} 行的同义词组中：搜索它时会同时按两组扩展。请让每个词只出现在一组里，或把两行合并。"),
        ("No public answer uses a word of the synonym group `{1}`: it finds nothing yet. Add the word the answers use to the line, or remove the line.",
         "没有任何公开答复用到同义词组“{1}”中的词，这一组暂时找不到任何答复。请在该行加上答复里用的词，或删除该行。"),
        ("Search synonyms: {1} groups in {2}.", "搜索同义词：{2} 中共 {1} 组。"),
        // check --links.
        ("dead link `{1}`: {2} (and on {3} other pages of this site)", "失效链接“{1}”：{2}（本站另有 {3} 个页面含此链接）"),
        ("dead link `{1}`: {2}", "失效链接“{1}”：{2}"),
        ("no such page on the built site", "生成的网站上没有这个页面"),
        ("the page has no anchor `#{1}`", "该页面没有锚点“#{1}”"),
        ("it climbs above the site's root", "它指向网站根目录之外"),
        ("a `{1}:` link runs in the browser", "`{1}:` 链接会在浏览器中运行"),
        ("the server answers HTTP {1}", "服务器返回 HTTP {1}"),
        ("no answer ({1})", "没有响应（{1}）"),
        ("links: {1}: {2} within the sites, {3} to other websites; {4} dead ({5} allowed)",
         "链接：{1}：站内 {2} 个，指向其他网站 {3} 个；失效 {4} 个（允许 {5} 个）"),
        ("links to other websites: {1} asked, {2} answered within the last week (cache), {3} dead",
         "外部链接：检查 {1} 个，{2} 个一周内已确认可访问（缓存），失效 {3} 个"),
        ("links to other websites: no network: none of {1} host names resolves, {2} addresses not asked",
         "外部链接：没有网络（{1} 个域名都无法解析），{2} 个地址未检查"),
        ("links to other websites: not asked (--links-offline)", "外部链接：未检查（--links-offline）"),
        // report freshness: the rules of `inspection:` a site breaks.
        ("the home page was last updated {1} days ago (limit {2}, `home_updated_within_days`)",
         "首页已 {1} 天未更新（规则为 {2} 天内更新，`home_updated_within_days`）"),
        ("the site has no answer, so its home page has never been updated", "网站没有任何答复，首页从未更新"),
        ("{1} answers are dated after {2} ({3}): a date to come passes for an update", "{1} 条答复的日期晚于 {2}（{3}）：未来的日期会被当作更新日期"),
        ("This folder is a symbolic link, to {1}: the answers there would also be published as `{2}`'s. Replace the link with a folder of `{3}`'s own answers, or remove it.",
         "这个文件夹是一个符号链接，指向 {1}：那里的答复会被当作“{2}”的答复再发布一次。请把链接换成只放“{3}”自己答复的文件夹，或删除它。"),
        ("This {1} is a symbolic link (or lies in a linked folder) that leads outside {2}, to {3}. Put the file itself in {4} instead of a link: nothing from outside that folder is published.",
         "这个{1}是一个符号链接（或位于被链接的文件夹中），指向 {2} 之外的 {3}。请把文件本身放进 {4}，不要用链接：该文件夹之外的内容一律不发布。"),
        ("`privacy` `{1}` is not a privacy statement of its own. {2}", "`privacy`“{1}”不是单独的隐私声明文件。{2}"),
        ("Write the statement in a Markdown file outside answers/, approved/, media/ and lexicon/, e.g. `privacy: legal/privacy.md`: an answer or any other content file is published only through review.",
         "请把隐私声明写在 answers/、approved/、media/、lexicon/ 之外的 Markdown 文件中，例如 `privacy: legal/privacy.md`：答复和其他内容文件只能经过审核发布。"),
        ("The privacy statement contains the term `{1}`, which needs a reviewer's decision, and nobody reviews the statement. {2}",
         "隐私声明含有需要审核的用语“{1}”，而隐私声明不经审核。{2}"),
        ("Reword it; a text that needs review belongs in an answer, which reviewers approve.", "请改写；需要审核的内容应写进答复，由审核人批准。"),
        ("{1} `{2}`, a character outside GB 2312 that may stand for a common one drawn like it, and nobody reviews {3}.",
         "{1}“{2}”，这是 GB 2312 之外的字，可能代替形近的常用字，而{3}不经审核。"),
        ("If it is written right (a place's or a person's name), add the words that hold it to lexicon/allow.txt; otherwise write the common character.",
         "如果写法无误（地名或人名），请把含这个字的词语加进 lexicon/allow.txt；否则请改用常用字。"),
        ("`logo` `{1}` is not an image. {2}", "`logo`“{1}”不是图片。{2}"),
        ("Use an SVG, PNG, JPEG or WebP file, e.g. `logo: logo.svg`.", "请使用 SVG、PNG、JPEG 或 WebP 文件，例如 `logo: logo.svg`。"),
        ("{1} has no `{2}`, which every page of its site must show. Add `{3}:` under `hub:` in portal.yml, or to `site_defaults:` when the whole province shares it.",
         "{1}缺少 `{2}`，其网站每个页面都必须显示它。请在 portal.yml 的 `hub:` 下加上 `{3}:`；全省共用时，加在 `site_defaults:` 下。"),
        ("the address is empty (written empty, or dropped as unsafe)", "地址为空（原本就是空的，或因不安全被去掉）"),
        ("an http address needs `//` after the colon", "http 地址的冒号后面需要 `//`"),
        ("{1} categories have no answer (limit {2}, `empty_categories_allowed`)",
         "{1} 个分类没有答复（规则为不超过 {2} 个，`empty_categories_allowed`）"),
        ("`icp` `{1}` is not an ICP filing number. Copy it as the filing system shows it, e.g. `苏ICP备12345678号-1`.",
         "`icp`“{1}”不是ICP备案号。请照备案系统显示的写法抄写，例如 `苏ICP备12345678号-1`。"),
        ("`site_code` `{1}` is not a website identification code. Write the ten letters and digits the code was issued as, in quotes, e.g. `site_code: \"3201000001\"`.",
         "`site_code`“{1}”不是网站标识码。请按发放的十位字母和数字加引号填写，例如 `site_code: \"3201000001\"`。"),
        ("`postcode` `{1}` is not a postcode. Write the six digits in quotes, e.g. `postcode: \"210008\"`.",
         "`postcode`“{1}”不是邮政编码。请加引号写六位数字，例如 `postcode: \"210008\"`。"),
        ("`police_record` `{1}` is not a public-security filing number. {2}", "`police_record`“{1}”不是公安机关备案号。{2}"),
        ("The `police_record` link `{1}` is not an https address of record {2}. Copy the address the filing system gives for this record; it starts with https:// and holds its 14 digits.",
         "`police_record` 的链接“{1}”不是备案号 {2} 的 https 地址。请抄写备案系统为该备案给出的地址：以 https:// 开头，含 14 位备案号。"),
        ("`{1}` `{2}` is not a whole number from {3} to {4}. {5}", "`{1}`“{2}”不是 {3} 到 {4} 之间的整数。{5}"),
        ("The privacy statement contains {1}, which every page links and which can never be published. {2}",
         "隐私声明含有{1}，每个页面都链接它，永远不能发布。{2}"),
        ("Remove it; an official public number belongs in lexicon/contacts.yml or lexicon/allow.txt.",
         "请删除；公开的官方号码应写进 lexicon/contacts.yml 或 lexicon/allow.txt。"),
        ("Pages made from this template lack {1}. Keep {{> header}} and {{> footer}} in the template, and in them the logo, slogan, filing numbers, sponsor and the privacy and error-report links: every page must show them.",
         "用此模板生成的页面缺少：{1}。请在模板中保留 {{> header}} 和 {{> footer}}，并在其中保留标识、口号、备案号、主办单位以及隐私声明和网站纠错的链接：每个页面都必须显示它们。"),
        ("The category key `{1}` is not usable in a URL. {2}", "分类键“{1}”不能用在网址中。{2}"),
        ("The category key `{1}` is used twice. Give each category its own key.", "分类键“{1}”用了两次。请给每个分类各自的键。"),
        ("The abbreviation `{1}` is used by two cities. {2}", "缩写“{1}”被两个城市使用。{2}"),
        ("Unknown city status `{1}`. Use `opened` or `planned`.", "未知的城市状态“{1}”。请写 `opened`（已开通）或 `planned`（筹建中）。"),
        ("The abbreviation `{1}` is not lowercase ASCII letters. {2}", "缩写“{1}”不是小写英文字母。{2}"),
        ("Use lowercase ASCII letters, digits and hyphens only, e.g. `flu-vaccine-2024`.", "只能使用小写英文字母、数字和连字符，例如 `flu-vaccine-2024`。"),
        ("`{1}` is not an e-mail address. Write it as name@example.org.", "“{1}”不是电子邮箱地址。请写成 name@example.org 的形式。"),
        ("`{1}` is not a telephone number (7 to 12 digits). Write the number as it is published, e.g. 025-83106666.",
         "“{1}”不是电话号码（应为 7 到 12 位数字）。请按公开的写法填写，例如 025-83106666。"),
        ("The organisation lists no phone number and no e-mail address. {1}", "这个单位没有列出任何电话或电子邮箱。{1}"),
        ("contacts.yml is not a list of organisations. {1}", "contacts.yml 不是单位列表。{1}"),
        // Review decisions (what reviewers read when the desk refuses).
        ("There is no answer, media transcript or description `{1}`. Use the name `review queue` lists, e.g. province/flu-vaccine or media/flu-talk.mp3.",
         "没有名为“{1}”的答复、音视频文字稿或媒体说明。请使用 `review queue` 列出的名称，例如 province/flu-vaccine 或 media/flu-talk.mp3。"),
        ("This key is not in people.yml. Ask the provincial centre to add the entry `portal12320 key new` printed for you.",
         "这把密钥不在 people.yml 中。请省中心把 `portal12320 key new` 为您打印的条目加进去。"),
        ("{1}'s scopes ({2}) do not cover `{3}`.", "{1} 的负责范围（{2}）不包括“{3}”。"),
        ("`{1}` is no longer the text you saw (sha256 {2}…): it is now {3}…. Run `review show {4}` again and decide on what is there now.",
         "“{1}”已不是您看到的文本（sha256 {2}…），现在是 {3}…。请重新运行 `review show {4}`，对现在的内容作出决定。"),
        ("`{1}` is private, a reply to one caller: it is never published, so there is nothing to decide (article 36).",
         "“{1}”是私人答复，只回复给一位来电人：永远不发布，无需审核（第三十六条）。"),
        ("{1} is an {2}: only reviewers approve or reject. Use `review submit` for your own answers.",
         "{1} 的角色是 {2}：只有审核人可以批准或退回。您自己的答复请用 `review submit` 提交。"),
        ("`{1}` cannot be approved: {2}.", "“{1}”不能批准：{2}。"),
        ("{1} submitted this revision of `{2}`: another reviewer must approve it (four eyes).",
         "{1} 提交了“{2}”的这一版本：必须由另一位审核人批准（双人审核）。"),
        ("`{1}` has not been submitted: its author records it with `portal12320 review submit {2} --key FILE`, then another person approves it (four eyes).",
         "“{1}”还没有提交：请作者用 `portal12320 review submit {2} --key FILE` 提交，再由另一人批准（双人审核）。"),
        ("`{1}` has 1 finding for review: approving it needs --note saying why it is acceptable.",
         "“{1}”有 1 处需要审核的发现：批准时必须用 --note 说明为什么可以接受。"),
        ("`{1}` has {2} findings for review: approving it needs --note saying why they are acceptable.",
         "“{1}”有 {2} 处需要审核的发现：批准时必须用 --note 说明为什么可以接受。"),
        ("Rejecting needs --note telling the editor what to change.", "退回时必须用 --note 告诉编辑要改什么。"),
        ("`{1}` changed while you were reviewing it. Run `review show` again and decide on what is there now.",
         "您审核期间“{1}”被修改了。请重新运行 `review show`，对现在的内容作出决定。"),
        ("This answer already exists. Open it to edit it, or choose another id.", "这条答复已经存在。请打开它修改，或换一个 id。"),
        ("`{1}` does not name a scope and an id. Write province/<id> or <city>/<id> with a city of portal.yml ({2}), e.g. province/flu-vaccine.",
         "“{1}”没有写明范围和 id。请写 province/<id> 或 <城市缩写>/<id>，城市缩写见 portal.yml（{2}），例如 province/flu-vaccine。"),
        ("There is no category `{1}`. Use one of: {2}.", "没有分类“{1}”。请使用其中之一：{2}。"),
        ("The folder is not empty. Choose a new folder: init never writes over existing content.", "文件夹不是空的。请另选一个新文件夹：init 从不覆盖已有内容。"),
        ("Created {1}/. Next: edit {2}/portal.yml, then run `portal12320 build --content {3}` in the project folder (its Templates/ is the theme).",
         "已创建 {1}/。下一步：编辑 {2}/portal.yml，然后在项目文件夹中运行 `portal12320 build --content {3}`（其中的 Templates/ 是网站主题）。"),
        // Moderation.
        ("{1} files scanned: {2} blocking, {3} for review, {4} public contacts of the directory.",
         "共检查 {1} 个文件：{2} 处禁止发布，{3} 处需要审核，{4} 处为通讯录中的公开联系方式。"),
        ("{1} files scanned: {2} blocking, {3} for review.", "共检查 {1} 个文件：{2} 处禁止发布，{3} 处需要审核。"),
        ("1 file scanned: {1} blocking, {2} for review.", "共检查 1 个文件：{1} 处禁止发布，{2} 处需要审核。"),
        ("1 file scanned: {1} blocking, {2} for review, {3} public contacts of the directory.",
         "共检查 1 个文件：{1} 处禁止发布，{2} 处需要审核，{3} 处为通讯录中的公开联系方式。"),
        ("{1}: 1 line, hash chain and signatures intact; {2} count, {3} do not.", "{1}：共 1 行，哈希链和签名完好；{2} 行有效，{3} 行无效。"),
        // Build, check and the held-back reasons.
        ("Built {1} sites, {2} pages, {3} files into {4} in {5} s (search indexes {6} s); {7} held back (listed in {8}), {9} private replies not published; {10} answers show numbers or addresses of the contact directory.",
         "已生成 {1} 个网站、{2} 个页面、{3} 个文件，写入 {4}，用时 {5} 秒（搜索索引 {6} 秒）；{7} 条未发布（列在 {8}），{9} 条私人答复不发布；{10} 条答复含有通讯录中的公开联系方式。"),
        ("Built {1} sites, {2} pages, {3} files into {4} in {5} s (search indexes {6} s); {7} held back (listed in {8}), {9} private replies not published.",
         "已生成 {1} 个网站、{2} 个页面、{3} 个文件，写入 {4}，用时 {5} 秒（搜索索引 {6} 秒）；{7} 条未发布（列在 {8}），{9} 条私人答复不发布。"),
        ("{1} of the {2} pages were as the last build rendered them: kept, not rendered again.",
         "{2} 个页面中有 {1} 个与上次构建生成的相同：直接保留，没有重新生成。"),
        ("Nothing was published: {1} is as it was before this build.", "没有发布任何内容：{1} 保持本次构建之前的样子。"),
        ("The lexicon changed since the last build of every city, so the sites of the cities not built now were moderated with another one: a term classified since could stay on them. Build every city once (`portal12320 build`, without --city); --city builds work again after it.",
         "自上次构建全部城市以来，词库已经改变，本次不构建的城市的网站是按旧词库审查的：新列为涉密的词语可能仍留在上面。请先构建一次全部城市（`portal12320 build`，不加 --city），之后 --city 构建即可再用。"),
        ("Sites of cities not built now are not as the last build left them, or no build made them ({1}): what they show was not moderated with this lexicon. Build every city once (`portal12320 build`, without --city); --city builds work again after it.",
         "本次不构建的城市的网站（{1}）与上次构建留下的不一致，或不是构建生成的：其内容没有经过当前词库的审查。请先构建一次全部城市（`portal12320 build`，不加 --city），之后 --city 构建即可再用。"),
        ("Nothing records which lexicon the sites of the cities not built now were moderated with ({1}): a term classified since could stay on them. Build every city once (`portal12320 build`, without --city); --city builds work again after it.",
         "没有记录表明本次不构建的城市的网站（{1}）是按哪个词库审查的：新列为涉密的词语可能仍留在上面。请先构建一次全部城市（`portal12320 build`，不加 --city），之后 --city 构建即可再用。"),
        ("cannot write the output (the build lock in .build-cache/ was removed while this build ran, so another build may have run at the same time). Nothing was put in place; the previous output is unchanged. Build again once no other build runs.",
         "无法写入输出（本次构建运行期间 .build-cache/ 中的构建锁被删除，可能有另一次构建同时运行）。没有发布任何内容，原有输出没有改变。请在没有其他构建运行时重新构建。"),
        ("cannot write the output (some files of {1} were not written). Nothing was put in place; the previous output is unchanged. Build again; if it happens again, report it.",
         "无法写入输出（{1} 的部分文件没有写入）。没有发布任何内容，原有输出没有改变。请重新构建；如果再次出现，请报告此问题。"),
        ("cannot write the output ({1}). Check free disk space and permissions; the previous output is unchanged.",
         "无法写入输出（{1}）。请检查磁盘空间和权限；原有输出没有改变。"),
        ("held back: {1} ({2}): {3}", "未发布：{1}（{2}）：{3}"),
        ("would be held back: {1} ({2}): {3}", "将不会发布：{1}（{2}）：{3}"),
        ("Content is valid: {1} answers ({2} public), {3} cities; a build would write {4} pages and hold back {5}.",
         "内容检查通过：{1} 条答复（{2} 条公开），{3} 个城市；构建将生成 {4} 个页面，{5} 条不发布。"),
        ("review ledger: 1 line, last line sha256 {1} verified and recorded in {2}", "审核记录：1 行，最后一行 sha256 {1}，已核验并记入 {2}"),
        ("review ledger: {1} lines, last line sha256 {2} verified and recorded in {3}", "审核记录：{1} 行，最后一行 sha256 {2}，已核验并记入 {3}"),
        ("revision pending review (the approved revision stays online): {1}", "修改待审核（已批准的版本继续在线）：{1}"),
        ("awaiting review (1 finding)", "等待审核（1 处发现）"),
        ("awaiting review ({1} findings)", "等待审核（{1} 处发现）"),
        ("awaiting review", "等待审核"),
        ("rejected by {1}: {2!}", "被 {1} 退回：{2}"),
        ("blocked: {1} at line {2} and {3} more; remove it, it can never be approved (article 37, appendix 2)",
         "禁止发布：第 {2} 行的 {1} 及另外 {3} 处；请删除，这类内容永远不能批准（第三十七条、附件二）"),
        ("blocked: {1} at line {2}; remove it, it can never be approved (article 37, appendix 2)",
         "禁止发布：第 {2} 行的 {1}；请删除，这类内容永远不能批准（第三十七条、附件二）"),
        ("private: a reply to one caller (article 36)", "私人答复：只回复给一位来电人（第三十六条）"),
        ("the text of media/{1} (its transcript or description) is not approved; review media/{2} first", "media/{1} 的文字稿或说明尚未批准；请先审核 media/{2}"),
        // Review queue.
        ("Awaiting review ({1}):", "等待审核（{1}）："),
        ("Blocked, cannot be approved ({1}):", "禁止发布，不能批准（{1}）："),
        ("Rejected, waiting for the editor ({1}):", "已退回，等待编辑修改（{1}）："),
        ("  {1!}  {2!}  [{3}; {4}]", "  {1}  {2}  [{3}；{4}]"),
        ("  {1!}  {2!}  [{3} blocking]", "  {1}  {2}  [{3} 处禁止发布]"),
        ("{1}; approved revision online", "{1}；已批准的版本在线"),
        ("submitted {1} by {2!}, {3} ago", "{2} 于 {1} 提交，已等待 {3}"),
        ("not submitted", "尚未提交"),
        ("no findings", "无发现"),
        ("{1} for review", "{1} 处需审核"),
        // Review show, log and verify.
        ("file: {1!}  sha256: {2!}", "文件：{1}  sha256：{2}"),
        ("status: {1}", "状态：{1}"),
        ("approved for this text: published", "本文本已批准：已发布"),
        ("submitted by: {1!}", "提交人：{1}"),
        ("No findings.", "没有发现。"),
        ("1 finding (^ marks each).", "1 处发现（^ 标出位置）。"),
        ("{1} findings (^ marks each).", "{1} 处发现（^ 标出位置）。"),
        ("Changes since the approved revision online (sha256 {1!}…):", "与在线的已批准版本（sha256 {1}…）相比的改动："),
        ("History (China Standard Time):", "审核历史（北京时间）："),
        ("media file: {1!} — open it and check what it shows; the checks read only its text",
         "媒体文件：{1} —— 请打开文件查看其内容；自动检查只读取其中的文字"),
        ("Text inside the file (moderated with the description):", "文件中的文字（与说明一起检查）："),
        ("`{1}` contains JavaScript, which is not published. Print it to a new PDF (\"Microsoft Print to PDF\" or \"Save as PDF\") and use that file.",
         "“{1}”含有 JavaScript，不予发布。请把它打印成新的 PDF（“Microsoft Print to PDF”或“另存为 PDF”）后使用该文件。"),
        ("`{1}` carries attached files, which are not published. Print it to a new PDF (\"Microsoft Print to PDF\" or \"Save as PDF\") and use that file.",
         "“{1}”带有附件文件，不予发布。请把它打印成新的 PDF（“Microsoft Print to PDF”或“另存为 PDF”）后使用该文件。"),
        ("`{1}` is written with combining accents (Unicode NFD). Rename the file and the reference with precomposed characters (NFC), as most systems write them.",
         "“{1}”使用了组合附加符号（Unicode NFD）。请用预组合字符（NFC）重新命名文件并修改引用。"),
        ("`{1}` took more than {2} seconds on this file and was stopped. The file is built to be slow or is damaged: save it again (as PDF, PNG, JPEG or WebP) from the program that made it.",
         "处理此文件时 `{1}` 超过 {2} 秒，已被停止。该文件可能被刻意构造或已损坏：请用制作它的程序重新保存（PDF、PNG、JPEG 或 WebP）。"),
        ("  {1!}  {2} by {3!} ({4}): {5!}", "  {1}  {3} {2}（{4}）：{5}"),
        ("  {1!}  {2} by {3!} ({4})", "  {1}  {3} {2}（{4}）"),
        ("submitted", "提交"),
        ("approved", "批准"),
        ("rejected", "退回"),
        ("this text", "本文本"),
        ("an earlier text", "较早的文本"),
        ("{1}: {2} lines, hash chain and signatures intact; {3} count, {4} do not.", "{1}：共 {2} 行，哈希链和签名完好；{3} 行有效，{4} 行无效。"),
        ("Submitted: {1!} (sha256 {2!}…) by {3!}.", "已提交：{1}（sha256 {2}…），提交人 {3}。"),
        ("Approved: {1!} (sha256 {2!}…) by {3!}.", "已批准：{1}（sha256 {2}…），审核人 {3}。"),
        ("Rejected: {1!} (sha256 {2!}…) by {3!}.", "已退回：{1}（sha256 {2}…），审核人 {3}。"),
        // The ledger and people.yml, as the build reports them.
        ("this last line is not a complete decision (an interrupted write, or damage) and was ignored; the next decision moves it to {1}.",
         "最后一行不是完整的审核记录（写入中断或损坏），已忽略；下一次审核时它会被移到 {1}。"),
        ("this {1} line for {2!} does not count: {3}.", "{2} 的这条{1}记录无效：{3}。"),
        ("it is not signed (written before decisions were signed)", "没有签名（在审核记录开始签名之前写入）"),
        ("it is signed by a key that is not in people.yml", "签名所用的密钥不在 people.yml 中"),
        ("{1!}'s scopes ({2!}) do not cover `{3!}`", "{1} 的负责范围（{2}）不包括“{3}”"),
        ("{1!} is an {2}, not a reviewer", "{1} 的角色是 {2}，不是审核人"),
        ("{1!} submitted this revision and cannot also approve it (four eyes)", "{1} 提交了这一版本，不能再批准它（双人审核）"),
        ("no one in people.yml submitted this revision, so it cannot be approved (four eyes)", "people.yml 中没有人提交过这一版本，因此不能批准（双人审核）"),
        ("The key of portal12320's caches is not a file of yours that only you can read, so nothing is kept for the next run: each build makes every site, and `moderate` scans every file again. Remove it (a new one is made) or run `chmod 600` on it.",
         "portal12320 缓存的密钥不是只有你本人能读取的你自己的文件，因此不会为下一次运行保留任何内容：每次构建都会重新生成所有网站，`moderate` 也会重新检查每个文件。请删除它（会自动生成新的），或对它运行 `chmod 600`。"),
        ("{1!}'s key is a DEMO key of demo-keys/, whose private half is public: anyone can sign as {2!}. Replace it before going live.",
         "{1} 的密钥是 demo-keys/ 中的演示密钥，其私钥是公开的：任何人都能以 {2} 的名义签名。正式上线前请更换。"),
        ("{1!} may no longer decide from {2} on (people.yml `until`)", "{1} 自 {2} 起不能再作审核决定（people.yml 中的 `until`）"),
        ("{1!} may no longer decide from {2} on (people.yml `until`). Ask the provincial centre if this is wrong.",
         "{1} 自 {2} 起不能再作审核决定（people.yml 中的 `until`）。如有错误，请联系省中心。"),
        ("`until: {1}` is not a date. Write the first day the person may no longer decide as YYYY-MM-DD, e.g. 2026-12-01.",
         "`until: {1}` 不是日期。请按 年-月-日 写出此人不能再作决定的第一天，例如 2026-12-01。"),
        ("people.yml: added {1!} ({2}, scopes {3!})", "people.yml：新增 {1}（{2}，负责范围 {3}）"),
        ("people.yml: removed {1!} ({2})", "people.yml：删除 {1}（{2}）"),
        ("people.yml: changed {1!}", "people.yml：修改 {1}"),
        ("editor", "编辑"),
        ("reviewer", "审核人"),
        ("kept at the approved revision: {1} ({2}): {3}", "保留已批准版本：{1}（{2}）：{3}"),
        // The console (docs/console-api.md): what editors and reviewers read in the browser.
        ("Log in first.", "请先登录。"),
        ("Your key is not in people.yml any more. Ask the provincial centre.", "您的密钥已不在 people.yml 中。请联系省中心。"),
        ("`{1}` changed while the build was running. Build again.", "构建过程中“{1}”被修改了。请重新构建。"),
        ("error: the name of the current folder, or an argument, is not valid UTF-8 text (it shows �), so the files it names cannot be found for sure. Run portal12320 from a folder whose name is UTF-8, with paths in UTF-8.",
         "错误：当前文件夹的名称或某个参数不是有效的 UTF-8 文本（显示为 �），无法确定它所指的文件。请在名称为 UTF-8 的文件夹中运行 portal12320，路径也请使用 UTF-8。"),
        ("error: a folder given to moderate holds no .md or .txt file; name the files or the right folder.",
         "错误：交给 moderate 的文件夹里没有 .md 或 .txt 文件；请写明文件或正确的文件夹。"),
        ("Wrong name or password.", "用户名或密码错误。"),
        ("Too many failed logins for this name: try again in 15 minutes.", "该用户名登录失败次数过多，请 15 分钟后再试。"),
        ("This request lacks the page's security token (X-CSRF-Token). Reload the page.", "请求缺少页面的安全令牌（X-CSRF-Token）。请刷新页面。"),
        ("Only editors of `{1}` may change its answers.", "只有负责“{1}”的编辑可以修改其答复。"),
        ("Only editors submit answers for review.", "只有编辑可以提交审核。"),
        ("Only reviewers approve or reject.", "只有审核人可以批准或退回。"),
        ("You submitted this revision of `{1}`: another reviewer must approve it (four eyes).", "“{1}”的这一版本是您提交的：必须由另一位审核人批准（双人审核）。"),
        ("`{1}` is not in your scopes.", "“{1}”不在您的负责范围内。"),
        ("Send If-Match with the sha256 of the revision you edited, or `new`.", "请在 If-Match 中写明所编辑版本的 sha256，新建时写 `new`。"),
        ("Send the sha256 of the text you read.", "请写明您所审阅文本的 sha256。"),
        ("The answer cannot be saved as it is.", "答复按现在的内容无法保存。"),
        ("The answer could not be written to {1}.", "答复无法写入 {1}。"),
        ("The answer is too long (more than 512 KB).", "答复太长（超过 512 KB）。"),
        ("The content folder has errors; fix them (portal12320 check lists them) before working here.",
         "内容文件夹有错误；请先改正（`portal12320 check` 会列出）再在这里工作。"),
        ("The decision is `approved` or `rejected`.", "审核决定只能是 `approved`（批准）或 `rejected`（退回）。"),
        ("The id `{1}` cannot be used in a page address. {2}", "编号“{1}”不能用在网页地址中。{2}"),
        ("The id in the text is `{1}`; it must stay `{2}`.", "正文中的编号是“{1}”；它必须保持为“{2}”。"),
        ("`id: {1}` must be `id: {2}`. Keep the id: it is the page's address.", "`id: {1}` 必须是 `id: {2}`。编号是网页地址，请勿修改。"),
        ("The request is not the JSON the API expects.", "请求不是接口所要求的 JSON。"),
        ("There is no answer `{1}`.", "没有答复“{1}”。"),
        ("`{1}` already exists. Open it to edit it, or choose another id.", "“{1}”已经存在。请打开它修改，或换一个编号。"),
        ("`{1}` was changed by someone else since you opened it. Reload it and edit again.", "您打开“{1}”之后，它已被他人修改。请刷新后重新编辑。"),
        ("Rejecting needs a note telling the editor what to change.", "退回时必须填写审核意见，告诉编辑要改什么。"),
        ("`{1}` has findings for review: approving it needs a note saying why they are acceptable.", "“{1}”有需要审核的发现：批准时必须填写审核意见，说明为什么可以接受。"),
        ("This line of the review ledger is not a decision: it was edited by hand or damaged. {1}",
         "审核记录的这一行不是审核决定：它被手工修改过或已损坏。{1}"),
        ("The review ledger's hash chain is broken here: a line before this one was edited, removed or reordered. {1}",
         "审核记录的哈希链在此处断开：这一行之前的某一行被修改、删除或调换了顺序。{1}"),
        ("This line of the review ledger does not match its signature: it was edited after it was signed. {1}",
         "审核记录的这一行与其签名不符：它在签名之后被修改过。{1}"),
        ("The review ledger was rewound: line {1} (sha256 {2!}…), recorded by the previous build in {3}, is missing or different. A decision was removed or edited. {4}",
         "审核记录被回退了：上一次构建在 {3} 中记下的第 {1} 行（sha256 {2}…）不见了或已不同。有审核决定被删除或修改。{4}"),
        ("The review ledger is missing or cannot be read, so no answer can be shown to have been approved. {1}",
         "审核记录缺失或无法读取，因此无法证明任何答复已获批准。{1}"),
        ("Restore reviews.jsonl from version control; decisions are only ever appended.", "请从版本库恢复 reviews.jsonl；审核决定只能追加。"),
        ("Restore reviews.jsonl from version control; decisions are appended with `portal12320 review`, never edited by hand.",
         "请从版本库恢复 reviews.jsonl；审核决定由 `portal12320 review` 追加，不能手工修改。"),
        ("Restore reviews.jsonl from version control, or check its permissions; it is written by `portal12320 review`.",
         "请从版本库恢复 reviews.jsonl，或检查其权限；它由 `portal12320 review` 写入。"),
        ("The lexicon file is missing or cannot be read, so answers cannot be moderated. Restore {1} in the lexicon folder (an empty file is allowed) and check that it is readable.",
         "词库文件缺失或无法读取，因此无法审查答复。请在词库文件夹中恢复 {1}（可以是空文件），并确认它可以读取。"),
        ("This is not a file but a folder, a pipe or a device, so the lexicon cannot be read from it and answers cannot be moderated. Put {1} back as an ordinary text file (an empty file is allowed).",
         "这不是文件，而是文件夹、管道或设备，无法从中读取词库，因此无法审查答复。请把 {1} 恢复为普通文本文件（可以是空文件）。"),
        ("The lexicon folder is missing, so answers cannot be moderated. {1}", "词库文件夹缺失，因此无法审查答复。{1}"),
        ("Create it with classified.txt, sensitive.txt, taboo.txt and allow.txt (article 37).",
         "请创建该文件夹，放入 classified.txt、sensitive.txt、taboo.txt 和 allow.txt（第三十七条）。"),
        ("`{1}` contains {2}, which is shown on every page and can never be published. {3}", "“{1}”含有{2}，它会显示在每个页面上，永远不能发布。{3}"),
        ("Remove it from portal.yml; an official public number belongs in lexicon/allow.txt.",
         "请把它从 portal.yml 中删除；正式的公开号码应写进 lexicon/allow.txt。"),
    ]

    /// One entry, compiled: the English pattern split at its placeholders.
    private struct Pattern {
        /// Literal pieces around the placeholders; `slots[i]` follows `pieces[i]`.
        let pieces: [String]
        let slots: [Int]
        /// Slots written `{n!}`: someone's own words, never translated.
        let raw: Set<Int>
        let chinese: String

        init(english: String, chinese: String) {
            var pieces = [""]
            var slots: [Int] = []
            var raw: Set<Int> = []
            var rest = Substring(english)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                var inside = rest[rest.index(after: open)..<close]
                let isRaw = inside.hasSuffix("!")
                if isRaw { inside = inside.dropLast() }
                guard let number = Int(inside) else {
                    // Braces around a word (`{abbr}`) are text of the message.
                    pieces[pieces.count - 1] += rest[...close]
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                pieces[pieces.count - 1] += rest[..<open]
                slots.append(number)
                if isRaw { raw.insert(number) }
                pieces.append("")
                rest = rest[rest.index(after: close)...]
            }
            pieces[pieces.count - 1] += rest
            self.pieces = pieces
            self.slots = slots
            self.raw = raw
            self.chinese = chinese
        }

        /// The values of the placeholders when `line` has this pattern's shape (each value the shortest that fits, the last the rest).
        func match(_ line: String) -> [Int: String]? {
            guard line.hasPrefix(pieces[0]) else { return nil }
            var rest = Substring(line).dropFirst(pieces[0].count)
            var values: [Int: String] = [:]
            for (index, slot) in slots.enumerated() {
                let next = pieces[index + 1]
                if index == slots.count - 1 {
                    guard rest.hasSuffix(next), rest.count >= next.count else { return nil }
                    let value = rest.dropLast(next.count)
                    guard !value.isEmpty else { return nil }
                    values[slot] = String(value)
                    rest = rest.suffix(0)
                } else {
                    guard !next.isEmpty, let found = rest.range(of: next), found.lowerBound > rest.startIndex else { return nil }
                    values[slot] = String(rest[..<found.lowerBound])
                    rest = rest[found.upperBound...]
                }
            }
            if slots.isEmpty { return rest.isEmpty ? [:] : nil }
            return values
        }

        /// The Chinese text with each `{n}` replaced, in one pass: a value holding `{3}` stays as it is.
        func fill(_ values: [Int: String]) -> String {
            var text = ""
            var rest = Substring(chinese)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                // `{abbr}` and other braced words are text; `{2}` is a value.
                let value = Int(rest[rest.index(after: open)..<close]).flatMap { values[$0] }
                text += rest[..<open] + (value ?? String(rest[open...close]))
                rest = rest[rest.index(after: close)...]
            }
            return text + rest
        }
    }
}
