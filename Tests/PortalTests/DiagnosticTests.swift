import Content
import Diagnostics
import Foundation
import Publish
import Testing

/// Every problem prints as `file:line:column: severity: message hint`, the form editors' tools jump to.
struct DiagnosticTests {
    @Test func aContentIssueNamesFileAndLineThenWhatToDo() {
        let issue = ContentIssue(file: "Content/answers/nj/fever.md", line: 3, message: "`title` is missing.", fix: "Add `title:`.")
        #expect(issue.rendered == "Content/answers/nj/fever.md:3: error: `title` is missing. Add `title:`.")
    }

    @Test func aColumnIsShownOnlyWithALine() {
        #expect(SourceLocation(file: "a.md", line: 2, column: 5).description == "a.md:2:5")
        #expect(SourceLocation(file: "a.md", column: 5).description == "a.md")
    }

    @Test func severalProblemsAreListedThenCounted() {
        let errors = ContentErrors([ContentIssue(file: "b.md", line: 1, message: "B.", fix: "Fix b."),
                                    ContentIssue(file: "a.md", line: nil, message: "A.", fix: "Fix a.")])
        #expect(errors.description == "a.md: error: A. Fix a.\nb.md:1: error: B. Fix b.\n2 problems found.")
    }

    @Test func aDeployFailureNamesTheSiteOnTheServer() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("diagnostic-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let deployment = Deployment(dist: root + "/dist", root: root)
        let failure = try #require(throws: Deployment.Failure.self) { try deployment.rollback("www.jsnj12320.cn") }
        #expect(failure.rendered.hasPrefix("\(root)/www.jsnj12320.cn: error: There is no current release"))
    }
}
