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
}
