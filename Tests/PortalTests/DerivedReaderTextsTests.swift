import Content
import Foundation
import Moderation
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
}
