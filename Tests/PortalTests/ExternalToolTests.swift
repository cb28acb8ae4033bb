import Content
import Testing

/// Tools the build runs on editors' files are stopped when a file keeps them busy.
struct ExternalToolTests {
    @Test func aToolThatDoesNotFinishIsStoppedWithAMessage() throws {
        let started = ContinuousClock.now
        let issue = try #require(throws: ContentIssue.self) {
            try ExternalTool(name: "tail", package: "coreutils").run(["-f", "/dev/null"], about: "media/slow.pdf", timeout: 0.5)
        }
        #expect(issue.message.contains("took more than 0 seconds"))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aMissingToolNamesItsPackage() throws {
        let issue = try #require(throws: ContentIssue.self) {
            try ExternalTool(name: "portal12320-no-such-tool", package: "some-package").run([], about: "media/x.png")
        }
        #expect(issue.fix.contains("some-package"))
    }
}
