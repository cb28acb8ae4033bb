import Content
import Review
import Site

/// What the preview tells an editor that the sites themselves do not: why
/// an answer's page is missing, and what is wrong with the content when the
/// last build failed. Never the matched text of a finding (it may be a
/// caller's number): rule and line only, as the held-back report says it.
struct PreviewNotes: Sendable {
    /// Every answer held back with nothing online, as the build judged it;
    /// looked through when a missing page is asked for, not indexed after each build.
    private var heldBackReviews: [any ReviewStanding] = []
    private var province: Province?
    /// The problems of the last build, when it failed; the pages served are the previous build's.
    var problem: String?

    struct HeldBack: Sendable, Equatable {
        let reference: String
        let file: String
        let reason: String
    }

    init() {}

    /// The notes of a successful build: every answer held back with nothing online, on each site that would show it.
    init(heldBack reviews: [any ReviewStanding], province: Province) {
        heldBackReviews = reviews.filter { $0.liveItem == nil }
        self.province = province
    }

    /// The held-back answer a path of a site would show, if any: `/answers/<id>/` (or without the slash).
    func heldBack(domain: String, path: String) -> HeldBack? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "answers", let province else { return nil }
        // The last one listed, where a provincial answer and a city's answer of the same id are both held back.
        for review in heldBackReviews.reversed() {
            let item = review.item
            guard item.reference.split(separator: "/").last == parts[1] else { continue }
            let shownOn: Bool = switch item.scope {
            case .province: province.openedCities.contains { province.domain(of: $0) == domain }
            case .city(let abbr): province.openedCities.contains { $0.abbr == abbr && province.domain(of: $0) == domain }
            case .media: false
            }
            if shownOn { return HeldBack(reference: item.reference, file: item.file, reason: review.reason ?? "") }
        }
        return nil
    }

    /// A page saying why the answer is not published.
    static func page(for note: HeldBack) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>预览：此答复未发布</title></head>
        <body>
        <main>
        <h1>此答复未发布</h1>
        <p>答复 <code>\(note.reference.xmlEscaped)</code>（文件 <code>\(note.file.xmlEscaped)</code>）不会出现在正式网站上，这个地址在那里显示“页面未找到”。</p>
        <p>原因（Reason）：\(note.reason.xmlEscaped)</p>
        <p>修改并保存后，本页会自动刷新。</p>
        </main>
        </body>
        </html>

        """
    }

    /// A box over the page naming the problems (file and line), shown until the content builds again.
    static func overlay(for problem: String) -> String {
        """
        <div role="alert" id="portal-preview-problem" style="position:fixed;left:0;right:0;bottom:0;max-height:50%;overflow:auto;\
        z-index:2147483647;background:#fff4f4;color:#5c0000;border-top:4px solid #c00;padding:12px 16px;font:15px/1.6 sans-serif">\
        <strong>内容有错误，网站没有更新（预览显示的是上一次成功的构建）。改正后保存即可：</strong>\
        <pre style="white-space:pre-wrap;font:13px/1.5 monospace;margin:8px 0 0">\(problem.xmlEscaped)</pre></div>

        """
    }
}
