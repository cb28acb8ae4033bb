import Foundation
import Testing

/// Who may approve: a decision counts only when signed by a key of
/// people.yml with the reviewer role and a scope covering the answer, and not
/// by the person who submitted that revision; and a ledger cannot be rewound.
struct TrustedDecisionTests {
    @Test func keyNewWritesAPrivateKeyOnceAndPrintsThePeopleEntry() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try Executable.run(["key", "new", "--name", "王审核", "--role", "reviewer", "--scope", "province", "--scope", "nj",
                                       "--out", folder + "/wang.key"])
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.hasPrefix("- name: 王审核\n  role: reviewer\n  scopes: [nj, province]\n  key: ed25519:"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/wang.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/wang.key"))
        let again = try Executable.run(["key", "new", "--name", "王审核", "--scope", "nj", "--out", folder + "/wang.key"])
        #expect(again.status == 1)
        #expect(again.error.contains("never overwritten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/wang.key")) == before)
    }

    @Test func anApprovalSignedByAFreshKeyInPeopleYmlPublishes() throws {
        let province = try SampleProvinceCopy()
        let key = try province.addPerson("新审核员")
        let reference = try province.addAnswer(id: "fresh-key", body: "FRESH-KEY-MARKER")
        // The name comes from people.yml, and the key may come from PORTAL12320_KEY.
        let approval = try province.approve(reference, key: "", environment: ["PORTAL12320_KEY": key])
        #expect(approval.status == 0, "\(approval.error)")
        #expect(approval.output.contains("by 新审核员"))
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("FRESH-KEY-MARKER"))
    }

    @Test func theCommandRefusesAnUnknownKeyAnEditorAndAnOutOfScopeReviewer() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "refused", body: "REFUSED-MARKER")
        let folder = province.root
        #expect(try province.run(["key", "new", "--name", "路人", "--scope", "province", "--out", folder + "/stranger.key"]).status == 0)
        let cases: [(String, String)] = [
            (folder + "/stranger.key", "not in people.yml"),
            (SampleProvinceCopy.editorKey, "only reviewers approve"),
            (SampleProvinceCopy.njReviewerKey, "do not cover `province/refused`"),
        ]
        for (key, message) in cases {
            let approval = try province.approve(reference, key: key)
            #expect(approval.status == 1)
            #expect(approval.error.contains(message), "\(approval.error)")
        }
        // The author's submission is there; no approval is.
        #expect(try !province.read("Content/reviews.jsonl").contains("\"answer\":\"\(reference)\",\"decision\":\"approved\""))
    }

    @Test func fourEyesTheSubmitterCannotApprove() throws {
        let province = try SampleProvinceCopy()
        let both = try province.addPerson("自审员")
        let reference = try province.addAnswer(id: "own-answer", body: "OWN-ANSWER-MARKER")
        let approval = try province.approve(reference, key: both, submitter: both)
        #expect(approval.status == 1)
        #expect(approval.error.contains("four eyes"))
        #expect(try province.approve(reference, submitter: nil).status == 0)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("OWN-ANSWER-MARKER"))
    }

    @Test func anAnswerNobodySubmittedCannotBeApproved() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "unsubmitted", body: "UNSUBMITTED-MARKER")
        let approval = try province.approve(reference, submitter: nil)
        #expect(approval.status == 1)
        #expect(approval.error.contains("has not been submitted"), "\(approval.error)")
    }

    @Test func anApprovalOfTextThatChangedSinceTheReviewerReadItIsRefused() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "changed", body: "READ-TEXT")
        #expect(try province.run(["review", "submit", reference, "--key", SampleProvinceCopy.editorKey]).status == 0)
        let seen = try province.sha256(of: reference)
        _ = try province.addAnswer(id: "changed", body: "SWAPPED-TEXT")
        #expect(try province.run(["review", "submit", reference, "--key", SampleProvinceCopy.editorKey]).status == 0)
        let approval = try province.run(["review", "approve", reference, "--key", SampleProvinceCopy.reviewerKey, "--sha256", String(seen.prefix(12))])
        #expect(approval.status == 1)
        #expect(approval.error.contains("no longer the text you saw"), "\(approval.error)")
    }

    /// Lines the command would refuse, made countable only by changing people.yml afterwards
    /// or by submitting after approving: the build must ignore them, naming the line.
    @Test(arguments: ["unknown key", "out of scope", "not a reviewer", "submitter approved"])
    func theBuildIgnoresALineThatDoesNotCount(_ kind: String) throws {
        let province = try SampleProvinceCopy()
        let key = try province.addPerson("临时审核员")
        let reference = try province.addAnswer(id: "ignored", body: "IGNORED-MARKER")
        #expect(try province.approve(reference, key: key).status == 0)
        let people = try province.read("Content/people.yml")
        switch kind {
        case "unknown key":
            let kept = people.components(separatedBy: "- name: 临时审核员")[0]
            try province.write(kept, to: "Content/people.yml")
        case "out of scope":
            try province.write(people.replacingOccurrences(of: "scopes: [province]\n  key: " + Self.lastKey(people),
                                                           with: "scopes: [nj]\n  key: " + Self.lastKey(people)), to: "Content/people.yml")
        case "not a reviewer":
            let parts = people.components(separatedBy: "- name: 临时审核员\n  role: reviewer")
            try province.write(parts[0] + "- name: 临时审核员\n  role: editor" + parts[1], to: "Content/people.yml")
        default:
            // The approver also submits the revision, after approving it: the approval stops counting.
            #expect(try province.run(["review", "submit", reference, "--key", key]).status == 0)
        }
        let build = try province.run(["build"])
        #expect(build.status == 0, "\(build.error)")
        #expect(build.error.contains("reviews.jsonl:"), "\(build.error)")
        #expect(build.error.contains("does not count"))
        #expect(try !province.isPublished("IGNORED-MARKER"))
    }

    static func lastKey(_ people: String) -> String {
        String(people.components(separatedBy: "key: ").last!.prefix { $0 != "\n" })
    }

    @Test(arguments: ["edit", "delete"])
    func changingTheLastLineAfterABuildStopsTheNextAndKeepsDist(_ change: String) throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "last-line", body: "LAST-LINE-MARKER")
        #expect(try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", "请修改"]).status == 0)
        #expect(try province.run(["build"]).status == 0)
        let before = try province.publishedFiles()
        var lines = try province.read("Content/reviews.jsonl").split(separator: "\n").map(String.init)
        if change == "edit" {
            lines[lines.count - 1] = lines[lines.count - 1].replacingOccurrences(of: "\"rejected\"", with: "\"approved\"")
        } else {
            lines.removeLast()
        }
        try province.write(lines.joined(separator: "\n") + "\n", to: "Content/reviews.jsonl")
        let build = try province.run(["build"])
        #expect(build.status == 1)
        #expect(build.error.contains(change == "edit" ? "does not match its signature" : "was rewound"), "\(build.error)")
        #expect(try province.publishedFiles() == before)
        #expect(try !province.isPublished("LAST-LINE-MARKER"))
        if change == "edit" { #expect(try province.run(["review", "verify"]).status == 1) }
    }

    @Test func aGarbageLineInTheMiddleIsTamperingNotAWarning() throws {
        let province = try SampleProvinceCopy()
        var lines = try province.read("Content/reviews.jsonl").split(separator: "\n").map(String.init)
        lines.insert("garbage", at: 3)
        try province.write(lines.joined(separator: "\n") + "\n", to: "Content/reviews.jsonl")
        let build = try province.run(["build"])
        #expect(build.status == 1)
        #expect(build.error.contains("reviews.jsonl:4: error:"), "\(build.error)")
    }

    @Test func aDeployFromARewoundLedgerIsRefused() throws {
        let province = try SampleProvinceCopy()
        let root = province.root + "/srv"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let reference = try province.addAnswer(id: "rewind", body: "REWIND-MARKER")
        #expect(try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", "请修改"]).status == 0)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.run(["deploy", "--to", root, "--city", "nj"]).status == 0)
        // Remove the rejection and build into a new folder, where no previous build is recorded.
        let lines = try province.read("Content/reviews.jsonl").split(separator: "\n").dropLast()
        try province.write(lines.joined(separator: "\n") + "\n", to: "Content/reviews.jsonl")
        #expect(try province.run(["build", "--output", "dist2"]).status == 0)
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/www.jsnj12320.cn/current")
        let deploy = try province.run(["deploy", "--dist", "dist2", "--to", root, "--city", "nj"])
        #expect(deploy.status == 1)
        #expect(deploy.error.contains("was rewound"), "\(deploy.error)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/www.jsnj12320.cn/current") == before)
    }

    @Test func puttingBackAnOlderApprovedTextDoesNotBringItOnline() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "versions", body: "VERSION-ONE")
        #expect(try province.approve(reference).status == 0)
        _ = try province.addAnswer(id: "versions", body: "VERSION-TWO")
        #expect(try province.approve(reference).status == 0)
        // The editor copies the first, approved, text back.
        _ = try province.addAnswer(id: "versions", body: "VERSION-ONE")
        let build = try province.run(["build"])
        #expect(build.status == 0)
        #expect(build.output.contains("kept at the approved revision: \(reference)"), "\(build.output)")
        #expect(try province.isPublished("VERSION-TWO"))
        #expect(try !province.isPublished("VERSION-ONE"))
    }

    @Test func aMissingNewestApprovedTextIsNotReplacedByAnOlderOne() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "kept", body: "KEPT-ONE")
        #expect(try province.approve(reference).status == 0)
        _ = try province.addAnswer(id: "kept", body: "KEPT-TWO")
        let second = try province.sha256(of: reference)
        #expect(try province.approve(reference).status == 0)
        _ = try province.addAnswer(id: "kept", body: "KEPT-THREE unreviewed")
        try FileManager.default.removeItem(atPath: "\(province.root)/Content/approved/\(reference)/\(second).md")
        #expect(try province.run(["build"]).status == 0)
        #expect(try !province.isPublished("KEPT-ONE"))
        #expect(try !province.isPublished("KEPT-TWO"))
        #expect(try !province.isPublished("KEPT-THREE"))
    }

    @Test func aDeployRefusesChangedPeopleOrPolicyUntilTheOperatorAccepts() throws {
        let province = try SampleProvinceCopy()
        let root = province.root + "/srv"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.run(["deploy", "--to", root, "--city", "nj"]).status == 0)
        // Someone adds themselves as a reviewer and builds into a fresh folder.
        _ = try province.addPerson("新来的审核员")
        _ = try province.addAnswer(id: "after-roster", body: "AFTER-ROSTER")
        #expect(try province.run(["build", "--output", "dist2"]).status == 0)
        let refused = try province.run(["deploy", "--dist", "dist2", "--to", root, "--city", "nj"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("people.yml or review policy differs"), "\(refused.error)")
        #expect(try province.run(["deploy", "--dist", "dist2", "--to", root, "--city", "nj", "--accept-changes"]).status == 0)
    }

    @Test func turningReviewOffIsShownByTheBuildAndRefusedByTheDeploy() throws {
        let province = try SampleProvinceCopy()
        let root = province.root + "/srv"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.run(["deploy", "--to", root, "--city", "nj"]).status == 0)
        try province.write(try province.read("Content/portal.yml").replacingOccurrences(of: "review: all", with: "review: flagged"),
                           to: "Content/portal.yml")
        let build = try province.run(["build"])
        #expect(build.output.contains("portal.yml: the review policy changed from `review: all` to `review: flagged`"), "\(build.output)")
        let refused = try province.run(["deploy", "--to", root, "--city", "nj"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("review policy differs"))
    }

    @Test func aTornLastLineIsKeptAsideNotErased() throws {
        let province = try SampleProvinceCopy()
        try province.write(try province.read("Content/reviews.jsonl") + "{\"answer\":\"nj/forged", to: "Content/reviews.jsonl")
        let reference = try province.addAnswer(id: "after-torn-aside", body: "AFTER")
        #expect(try province.run(["review", "submit", reference, "--key", SampleProvinceCopy.editorKey]).status == 0)
        #expect(try province.read("Content/reviews.jsonl.torn") == "{\"answer\":\"nj/forged\n")
    }

    @Test func aRejectionOfTextThatChangedSinceTheReviewerReadItIsRefused() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "reject-changed", body: "READ")
        let seen = try province.sha256(of: reference)
        _ = try province.addAnswer(id: "reject-changed", body: "CHANGED")
        let rejection = try province.run(["review", "reject", reference, "--key", SampleProvinceCopy.reviewerKey, "--note", "改", "--sha256", seen])
        #expect(rejection.status == 1)
        #expect(rejection.error.contains("no longer the text you saw"))
    }

    @Test func reviewVerifyStatesTheHead() throws {
        let province = try SampleProvinceCopy()
        let verify = try province.run(["review", "verify"])
        #expect(verify.status == 0)
        #expect(verify.output.contains("head: \(try province.ledgerLineCount()) lines, last line sha256 "))
    }

    @Test func theQueueShowsAgeAndSubmitterAndFilters() throws {
        let province = try SampleProvinceCopy()
        let reference = try province.addAnswer(id: "queued", body: "QUEUED")
        #expect(try province.run(["review", "submit", reference, "--key", SampleProvinceCopy.editorKey]).status == 0)
        let queue = try province.run(["review", "queue"])
        #expect(queue.output.contains("\(reference)  测试问题  [no findings; submitted "), "\(queue.output)")
        #expect(queue.output.contains("by 江苏12320编辑, "))
        #expect(try province.run(["review", "queue", "--references", "--city", "nj"]).output.isEmpty)
        #expect(try province.run(["review", "queue", "--references", "--city", "province"]).output.contains(reference))
        #expect(try province.run(["review", "queue", "--references", "--reviewer", "南京市12320审核"]).output.isEmpty)
        #expect(try province.run(["review", "queue", "--references", "--reviewer", "江苏12320审核组"]).output.contains(reference))
        #expect(try !province.run(["review", "queue", "--references", "--since", "2999-01-01"]).output.contains(reference))
        #expect(try province.run(["review", "queue", "--references", "--since", "2000-01-01"]).output.contains(reference))
    }

    @Test func reviewShowPrintsTheWholeAnswerWithFindingsMarkedInPlace() throws {
        let result = try Executable.run(["review", "show", "province/report-sex-determination"])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: Executable.repository + "/Content/answers/province/report-sex-determination.md", encoding: .utf8)
        for line in text.split(separator: "\n") where !line.isEmpty {
            #expect(result.output.contains(line), "\(line)")
        }
        // The finding is underlined on the line after the title's, and named.
        let lines = result.output.split(separator: "\n").map(String.init)
        let title = try #require(lines.firstIndex { $0.hasSuffix("title: 发现有人提供胎儿性别鉴定服务，怎么举报？") })
        #expect(lines[title + 1].contains("^~"))
        #expect(lines[title + 1].hasSuffix("review sensitive (胎儿性别鉴定) [非医学需要的胎儿性别鉴定]"), "\(result.output)")
    }
}
