import Foundation
import Testing

struct ModerateCommandTests {
    static let answer = """
        ---
        id: leak
        title: 测试
        ---
        本答复属于**内部**资料。电话 ❶❸❽-1234-5678。
        这个问题不归我们管。

        """

    func withAnswer(_ text: String, _ body: (String) throws -> Void) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/answer.md"))
        try body(folder + "/answer.md")
    }

    @Test func sampleContentIsCleanAndExitsZero() throws {
        let result = try Executable.run(["moderate"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("files scanned: 0 blocking"))
    }

    @Test func blockingFindingsExitOneWithLocatedLines() throws {
        try withAnswer(Self.answer) { file in
            let result = try Executable.run(["moderate", file])
            #expect(result.status == 1)
            #expect(result.output.contains("\(file):5:8: block classified: 内部**资料 (内部资料) [密级标识]"))
            #expect(result.output.contains("\(file):5:18: block pii.mobile: ❶❸❽-1234-5678"))
            #expect(result.output.contains("\(file):6:5: review taboo: 不归我们管"))
            #expect(result.output.contains("1 file scanned: 2 blocking, 1 for review."))
        }
    }

    /// A folder is expanded by the command (no shell needed for thousands of files), hidden files left out.
    @Test func aFolderArgumentScansEveryAnswerBelowIt() throws {
        try withAnswer(Self.answer) { file in
            let folder = (file as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder + "/nj", withIntermediateDirectories: true)
            try Data("电话 138 1234 5679。".utf8).write(to: URL(fileURLWithPath: folder + "/nj/b.md"))
            try Data("内部资料".utf8).write(to: URL(fileURLWithPath: folder + "/nj/.draft.md"))
            let result = try Executable.run(["moderate", folder])
            #expect(result.status == 1)
            #expect(result.output.contains("\(folder)/answer.md:5:8: block classified"))
            #expect(result.output.contains("\(folder)/nj/b.md:1:4: block pii.mobile"))
            #expect(!result.output.contains(".draft.md"))
            #expect(result.output.contains("2 files scanned"))
        }
    }

    /// A scratch folder with the sample's lexicon in `Content/lexicon` and `answer` in `answer.md`.
    static func folderWithLexicon(answer: String) throws -> String {
        let folder = try Executable.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/Content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Executable.repository + "/Content/lexicon", toPath: folder + "/Content/lexicon")
        try Data(answer.utf8).write(to: URL(fileURLWithPath: folder + "/answer.md"))
        return folder
    }

    /// `moderate` remembers what it found in each file (`FindingsMemory`, beside the content folder): a file it
    /// passed is scanned again under a lexicon edited since, and a run it answers from memory reports what a scan would.
    @Test func aTermClassifiedSinceIsFoundInAFileItPassedBefore() throws {
        let folder = try Self.folderWithLexicon(answer: "本答复属于试验资料。\n电话 138 1234 5679。\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["XDG_CACHE_HOME": folder + "/cache"]
        let moderate = { (format: String) in
            try Executable.run(["moderate", "--content", folder + "/Content", "--format", format, folder + "/answer.md"], environment: environment)
        }
        let first = try moderate("json")
        #expect(first.status == 1 && !first.output.contains("试验资料"), "\(first.output)")
        #expect(FileManager.default.fileExists(atPath: folder + "/.build-cache/Content.findings"))

        let classified = folder + "/Content/lexicon/classified.txt"
        try (try String(contentsOfFile: classified, encoding: .utf8) + "试验资料\t测试\n").write(toFile: classified, atomically: true, encoding: .utf8)
        let text = try moderate("text")
        #expect(text.output.contains("\(folder)/answer.md:1:6: block classified: 试验资料"), "\(text.output)")
        let json = try moderate("json")
        #expect(json.output.contains("\"matched\":\"试验资料\""), "\(json.output)")
        // Answered from the memory now: the same report, in either format.
        #expect(try moderate("text").output == text.output)
        #expect(try moderate("json").output == json.output)
    }

    /// A cache key others can read is not used, so `moderate` remembers nothing: it says so, with the fix, and
    /// still reports what it finds.
    @Test func aCacheKeyOthersCanReadIsNamedWithTheFix() throws {
        let folder = try Self.folderWithLexicon(answer: "本答复属于内部资料。\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["XDG_CACHE_HOME": folder + "/cache"]
        let arguments = ["moderate", "--content", folder + "/Content", folder + "/answer.md"]
        let first = try Executable.run(arguments, environment: environment)
        #expect(first.status == 1 && !first.error.contains("warning"), "\(first.error)")
        let key = folder + "/cache/portal12320/cache-key"
        #expect(chmod(key, 0o644) == 0)
        let run = try Executable.run(arguments, environment: environment)
        #expect(run.status == 1 && run.output == first.output, "\(run.output)")
        #expect(run.error.contains("\(key): warning: ") && run.error.contains("chmod 600"), "\(run.error)")
    }

    /// A folder whose name is not UTF-8 reaches Swift with U+FFFD in its place: relative paths opened the real
    /// folder's files while absolute ones (the lexicon's) named a folder spelt with U+FFFD, and the link checks
    /// resolved nothing. Every command refuses to run there.
    @Test func aCurrentFolderWhoseNameIsNotUTF8IsRefused() throws {
        let folder = try Executable.temporaryFolder()
        // Foundation cannot remove (or name) such a folder: `rm` does.
        defer { _ = try? Executable.run(["-rf", folder], program: URL(fileURLWithPath: "/bin/rm")) }
        // The folder `site\xFF` made, with a lexicon and an answer with a classified term, and `moderate` run there,
        // by a shell: without the refusal it would scan the answer (and exit 1).
        let script = """
            bad="$1/site$(printf '\\377')" && mkdir -p "$bad/C" && cp -r "$3/Content/lexicon" "$bad/C/" \\
                && printf '内部资料\\n' > "$bad/C/answer.md" && cd "$bad" && exec "$2" moderate --content C C/answer.md
            """
        let run = try Executable.run(["-c", script, "sh", folder, Executable.url.path, Executable.repository],
                                     program: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 2, "\(run.output)\(run.error)")
        #expect(run.error.contains("not valid UTF-8"), "\(run.error)")
    }

    /// A link to a folder inside a folder argument (a city's folder linked to another's, which `build` reads as that
    /// city's answers) is named and refused, never passed over; a link given as the argument itself is scanned.
    @Test func aLinkedFolderInsideAFolderArgumentIsRefusedByName() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/nj", withIntermediateDirectories: true)
        try Data("本答复属于内部资料。\n".utf8).write(to: URL(fileURLWithPath: folder + "/nj/a.md"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/yc", withDestinationPath: "nj")
        let whole = try Executable.run(["moderate", folder])
        #expect(whole.status == 2, "\(whole.output)\(whole.error)")
        #expect(whole.error.contains("\(folder)/yc") && whole.error.contains("not a file but a folder"), "\(whole.error)")
        let linked = try Executable.run(["moderate", folder + "/yc"])
        #expect(linked.status == 1 && linked.output.contains("\(folder)/yc/a.md:1:6: block classified"), "\(linked.output)\(linked.error)")
    }

    /// A folder with nothing to scan is a mistake, not a clean result (review).
    @Test func aFolderWithNothingToScanIsAnError() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("内部资料".utf8).write(to: URL(fileURLWithPath: folder + "/ANSWER.MD"))
        let result = try Executable.run(["moderate", folder])
        #expect(result.status == 2)
        #expect(result.error.contains("holds no .md or .txt file"))
    }

    @Test func jsonListsDocumentsFindingsAndSummary() throws {
        try withAnswer(Self.answer) { file in
            let result = try Executable.run(["moderate", "--format", "json", file])
            #expect(result.status == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let documents = try #require(json["documents"] as? [[String: Any]])
            #expect(documents.first?["path"] as? String == file)
            let findings = try #require(documents.first?["findings"] as? [[String: Any]])
            #expect(findings.map { $0["rule"] as? String } == ["classified", "pii.mobile", "taboo"])
            #expect(findings[1]["matched"] as? String == "❶❸❽-1234-5678")
            #expect(findings[1]["line"] as? Int == 5)
            #expect(findings[1]["column"] as? Int == 18)
            let summary = try #require(json["summary"] as? [String: Int])
            #expect(summary == ["documents": 1, "findings": 3, "block": 2, "review": 1, "info": 0])
        }
    }

    @Test func mediaTranscriptsAreScannedWithTheAnswers() throws {
        let province = try SampleProvinceCopy()
        try FileManager.default.createDirectory(atPath: province.root + "/Content/media", withIntermediateDirectories: true)
        try province.write("来电人电话13812345678。", to: "Content/media/talk.mp3.txt")
        let result = try province.run(["moderate"])
        #expect(result.status == 1)
        #expect(result.output.contains("Content/media/talk.mp3.txt:1:6: block pii.mobile: 13812345678"))
    }

    /// `moderate` says what `build` does with an answer whose findings block nothing: under `review: flagged`
    /// it waits for a reviewer, a public contact of the directory as much as a phrase for review (the attack
    /// on #15 found `moderate` saying "0 blocking, 0 for review" of an answer the build then held back).
    @Test func findingsThatBlockNothingAreSaidToWaitForAReviewerUnderReviewFlagged() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        try province.write("- name: 江苏省卫生健康委员会\n  scope: province\n  phones: [\"025-83620600\"]\n", to: "Content/lexicon/contacts.yml")
        let front = "---\nid: ID\ntitle: 咨询\ncategory: vaccination\nupdated: 2024-09-10\n---\n"
        try province.write(front.replacingOccurrences(of: "ID", with: "contact") + "请致电025-83620600咨询。\n", to: "Content/answers/province/contact.md")
        try province.write(front.replacingOccurrences(of: "ID", with: "plain") + "请按时接种。\n", to: "Content/answers/province/plain.md")

        let contact = try province.run(["moderate", "Content/answers/province/contact.md"])
        #expect(contact.status == 0, "\(contact.error)")
        #expect(contact.output.contains("1 file scanned: 0 blocking, 0 for review, 1 public contacts of the directory."))
        #expect(contact.output.contains("Under `review: flagged` (portal.yml), 1 file with findings, none blocking, is published only once a reviewer approved"))
        let plain = try province.run(["moderate", "Content/answers/province/plain.md"])
        #expect(plain.status == 0 && !plain.output.contains("Under `review:"), "\(plain.output)")

        // What build does with them.
        let build = try province.run(["build"])
        #expect(build.status == 0, "\(build.error)")
        #expect(!FileManager.default.fileExists(atPath: province.root + "/dist/www.js12320.cn/answers/contact/index.html"))
        #expect(FileManager.default.fileExists(atPath: province.root + "/dist/www.js12320.cn/answers/plain/index.html"))
        #expect(try province.read("dist/held-back.json").contains("province/contact"))
        #expect(!(try province.read("dist/held-back.json").contains("province/plain")))
    }

    @Test func reviewOnlyFindingsExitZero() throws {
        try withAnswer("这个问题不归我们管。\n") { file in
            let result = try Executable.run(["moderate", file])
            #expect(result.status == 0)
            #expect(result.output.contains("0 blocking, 1 for review"))
        }
    }

    @Test(arguments: [["moderate", "/nonexistent/answer.md"], ["moderate", "--format", "xml"], ["moderate", "--lexicon", "/nonexistent"]])
    func inputAndUsageErrorsExitTwo(_ arguments: [String]) throws {
        // A missing lexicon is an input error, never "no terms to look for".
        let result = try Executable.run(arguments)
        #expect(result.status == 2, "\(result.error)")
    }
}
