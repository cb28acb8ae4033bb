import Foundation
import Testing

/// `init` makes a province that builds; `new` makes an answer that loads, and never overwrites one.
struct ScaffoldingTests {
    @Test func aNewProvinceBuildsAndANewAnswerJoinsIt() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try Executable.run(["init", folder + "/Content"])
        #expect(made.status == 0, "\(made.error)")
        let templates = Executable.repository + "/Templates"
        let built = try Executable.run(["build", "--templates", templates], in: folder)
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.contains("held back: province/how-to-ask"))  // every answer waits for review

        let new = try Executable.run(["new", "a/night-clinic", "--title", "夜间门诊几点开？", "--category", "预防接种"], in: folder)
        #expect(new.status == 0, "\(new.error)")
        let text = try String(contentsOfFile: folder + "/Content/answers/a/night-clinic.md", encoding: .utf8)
        #expect(text.contains("title: \"夜间门诊几点开？\"\ncategory: vaccination"))
        let checked = try Executable.run(["check", "--templates", templates], in: folder)
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.output.contains("a/night-clinic"))

        let again = try Executable.run(["new", "a/night-clinic"], in: folder)
        #expect(again.status == 1)
        #expect(again.error.contains("already exists"))
        #expect(try String(contentsOfFile: folder + "/Content/answers/a/night-clinic.md", encoding: .utf8) == text)
    }

    @Test(arguments: [["new", "zz/x"], ["new", "province/Bad_Id"], ["new", "province/x", "--category", "不存在"], ["init", "."]])
    func badRequestsAreRefusedSayingWhatToWrite(_ arguments: [String]) throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let result = try province.run(arguments)
        #expect(result.status == 1)
        #expect(result.error.contains("error:"))
        #expect(!FileManager.default.fileExists(atPath: province.root + "/Content/answers/province/x.md"))
    }

    /// With a Chinese locale the editor reads Chinese: the build summary, a content error, the moderation summary.
    @Test func aChineseLocaleSpeaksChinese() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let chinese = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        let built = try province.run(["build"], environment: chinese)
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.contains("已生成 3 个网站"))
        try province.write(try province.read("Content/answers/province/flu.md").replacingOccurrences(of: "updated: 2024-09-10", with: "updated: 2024-13-45"),
                           to: "Content/answers/province/flu.md")
        let checked = try province.run(["check"], environment: chinese)
        #expect(checked.status == 1)
        #expect(checked.error.contains("Content/answers/province/flu.md:5：错误：“2024-13-45”不是日期。"), "\(checked.error)")
        let english = try province.run(["check"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(english.error.contains("Content/answers/province/flu.md:5: error: `2024-13-45` is not a date."))
    }
}
