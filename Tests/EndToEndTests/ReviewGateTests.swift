import Foundation
import Testing

struct ReviewGateTests {
    @Test func unreviewedAnswerIsAbsentAndApprovedOnePresent() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "gate-test", body: "GATE-MARKER 每年接种一次。")
        #expect(try province.run(["build"]).status == 0)
        #expect(try !province.isPublished("GATE-MARKER"))
        #expect(try !province.isPublished("gate-test"))
        #expect(try province.read("dist/held-back.json").contains("\"answer\" : \"\(reference)\""))

        let approval = try province.approve(reference)
        #expect(approval.status == 0, "\(approval.error)")
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("GATE-MARKER"))
        #expect(try province.read("dist/www.jsnj12320.cn/answers/gate-test/index.html").contains("GATE-MARKER"))
    }

    @Test func editingAnApprovedAnswerKeepsTheApprovedTextOnlineUntilTheEditIsApproved() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "edited", body: "FIRST-TEXT 内容。")
        #expect(try province.approve(reference).status == 0)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("FIRST-TEXT"))

        _ = try province.addAnswer(id: "edited", body: "SECOND-TEXT 内容，编辑后未经审核。")
        let build = try province.run(["build"])
        #expect(build.status == 0)
        #expect(build.output.contains("kept at the approved revision: \(reference)"), "\(build.output)")
        #expect(try province.isPublished("FIRST-TEXT"), "the approved revision stays online")
        #expect(try !province.isPublished("SECOND-TEXT"))
        #expect(try province.read("dist/held-back.json").contains("revision pending review"))
        #expect(try province.run(["review", "queue", "--references"]).output.contains(reference))
        let show = try province.run(["review", "show", reference])
        #expect(show.output.contains("-  FIRST-TEXT 内容。"), "\(show.output)")
        #expect(show.output.contains("+  SECOND-TEXT 内容，编辑后未经审核。"))

        #expect(try province.approve(reference).status == 0)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("SECOND-TEXT"))
        #expect(try !province.isPublished("FIRST-TEXT"))
    }

    @Test func anEditThatAddsABlockingFindingKeepsTheApprovedTextAndNeverPublishesTheEdit() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "edited-blocked", body: "CLEAN-TEXT 内容。")
        #expect(try province.approve(reference).status == 0)
        _ = try province.addAnswer(id: "edited-blocked", body: "CLEAN-TEXT 请联系13812345678")
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("CLEAN-TEXT 内容。"))
        #expect(try !province.isPublished("13812345678"))
    }

    @Test(arguments: [("classified", "本答复为内部资料，CLASSIFIED-MARKER"), ("mobile", "请联系 138 1234 5678 PHONE-MARKER")])
    func blockingFindingCannotBeApprovedAndNeverAppears(_ kind: String, _ body: String) throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "blocked-\(kind)", body: body)
        let approval = try province.approve(reference, submitter: nil, note: "看过了")
        #expect(approval.status == 1)
        #expect(approval.error.contains("cannot be approved"))
        #expect(try !province.read("Content/reviews.jsonl").contains(reference))
        let build = try province.run(["build"])
        #expect(build.status == 0)
        #expect(build.output.contains("held back: \(reference)"))
        let published = try province.publishedFiles().values
        #expect(!published.contains { $0.contains("MARKER") || $0.contains("1234 5678") || $0.contains("blocked-\(kind)") })
        // Not even the held-back report repeats the matched text.
        #expect(try !province.read("dist/held-back.json").contains("1234"))
    }

    @Test func privateRepliesNeverAppearAndCannotBeApproved() throws {
        let province = try SampleProvinceCopy()
        let approval = try province.approve("nj/nj-caller-reply-referral")
        #expect(approval.status == 1)
        #expect(approval.error.contains("private"))
        #expect(try province.run(["build"]).status == 0)
        let files = try province.publishedFiles()
        for (path, text) in files {
            #expect(!text.contains("个别答复"), "\(path)")
            #expect(!text.contains("caller-reply"), "\(path)")
        }
        #expect(try !province.read("dist/held-back.json").contains("caller-reply"))
    }

    @Test func tamperedLedgerStopsTheBuildAndKeepsTheOldOutput() throws {
        let province = try SampleProvinceCopy()
        #expect(try province.run(["build"]).status == 0)
        let before = try province.publishedFiles()
        var lines = try province.read("Content/reviews.jsonl").split(separator: "\n").map(String.init)
        lines[5] = lines[5].replacingOccurrences(of: "江苏12320审核组", with: "冒名审核员")
        try province.write(lines.joined(separator: "\n") + "\n", to: "Content/reviews.jsonl")
        let build = try province.run(["build"])
        #expect(build.status == 1)
        #expect(build.error.contains("reviews.jsonl:7: error: The review ledger's hash chain is broken"))
        #expect(try province.publishedFiles() == before)
        #expect(try province.run(["review", "verify"]).status == 1)
    }

    @Test func tornLastLineIsReportedAndIgnored() throws {
        let province = try SampleProvinceCopy()
        let ledger = try province.read("Content/reviews.jsonl")
        let lines = try province.ledgerLineCount()
        try province.write(ledger + "{\"answer\":\"province/flu-vac", to: "Content/reviews.jsonl")
        let build = try province.run(["build"])
        #expect(build.status == 0)
        #expect(build.error.contains("reviews.jsonl:\(lines + 1): warning"))
        #expect(try province.isPublished("流感疫苗每年都要接种吗"))
        // The next decision cuts off the torn line and chains to the last valid entry.
        let reference = try province.addAnswer(id: "after-torn", body: "AFTER-TORN")
        #expect(try province.approve(reference).status == 0)
        let verify = try province.run(["review", "verify"])
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("\(lines + 2) lines"), "a submission and an approval")
    }

    @Test func concurrentApproversAllLand() throws {
        let province = try SampleProvinceCopy()
        let before = try province.ledgerLineCount()
        let references = try (0..<8).map { try province.addAnswer(id: "concurrent-\($0)", body: "并发审核 \($0)") }
        for reference in references {
            #expect(try province.run(["review", "submit", reference, "--key", SampleProvinceCopy.editorKey]).status == 0)
        }
        let hashes = try references.map { try province.sha256(of: $0) }
        let processes = try zip(references, hashes).map { reference, sha256 -> Process in
            let process = Process()
            process.executableURL = Executable.url
            process.arguments = ["review", "approve", reference, "--key", SampleProvinceCopy.reviewerKey, "--sha256", sha256]
            process.currentDirectoryURL = URL(fileURLWithPath: province.root)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let verify = try province.run(["review", "verify"])
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("\(before + 2 * references.count) lines"))
        let ledger = try province.read("Content/reviews.jsonl")
        #expect(references.allSatisfy { ledger.contains("\"answer\":\"\($0)\"") })
    }

    @Test func rejectingNeedsANoteAndHoldsTheAnswerBack() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "to-reject", body: "REJECT-MARKER")
        #expect(try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", ""]).status == 1)
        #expect(try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", "请补充接种地点"]).status == 0)
        let build = try province.run(["build"])
        #expect(build.output.contains("held back: \(reference) (Content/answers/province/to-reject.md): rejected by 江苏12320审核组: 请补充接种地点"))
        #expect(try !province.isPublished("REJECT-MARKER"))
    }

    @Test func approvingAnAnswerWithReviewFindingsNeedsANote() throws {
        let province = try SampleProvinceCopy()
        let reference = "province/report-sex-determination"
        let withoutNote = try province.approve(reference)
        #expect(withoutNote.status == 1)
        #expect(withoutNote.error.contains("needs --note"))
        #expect(try province.approve(reference, submitter: nil, note: "举报指引，引用违法行为名称").status == 0)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("怎么举报"))
    }

    @Test func sampleProvinceKeepsOneAnswerInTheQueue() throws {
        let result = try Executable.run(["review", "queue", "--references"])
        #expect(result.status == 0)
        #expect(result.output == "province/report-sex-determination\n")
    }

    @Test func conflictReportListsTheSampleOverride() throws {
        let markdown = try Executable.run(["report", "conflicts"])
        #expect(markdown.status == 0)
        #expect(markdown.output.contains("| 苏州市 | 苏州的献血者用血怎样直接减免？ (`sz/sz-blood-donation-benefit`) | 2024-08-01 | 献血者本人和家属用血有什么优惠？ (`province/blood-donation-benefit`) | 2024-06-14 |"))
        let csv = try Executable.run(["report", "conflicts", "--format", "csv"])
        #expect(csv.output.split(separator: "\n").count == 2)
        #expect(csv.output.contains("苏州市,sz/sz-blood-donation-benefit,苏州的献血者用血怎样直接减免？,2024-08-01,province/blood-donation-benefit,"))
    }

    /// The sample province on a day its home pages are fresh, and on one they are not.
    @Test func freshnessReportExitsWithTheProvincesVerdict() throws {
        let fresh = try Executable.run(["report", "freshness", "--today", "2024-12-01"])
        #expect(fresh.status == 0, "\(fresh.error)")
        #expect(fresh.output.contains("| 南京市12320卫生热线 `www.jsnj12320.cn` | 2024-11-20 | 11 |"))
        let stale = try Executable.run(["report", "freshness", "--today", "2026-11-29", "--format", "csv"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(stale.status == 1)
        #expect(stale.error.contains("www.jsnj12320.cn：错误：首页已 739 天未更新"))
        #expect(stale.output.hasPrefix("site,domain,kind,subject,title,updated,days\n"))
        #expect(try Executable.run(["report", "freshness", "--today", "2024-13-01"]).status == 64)
    }
}
