import Content
import Foundation
import Glibc
import Review
import Site
import Testing

struct MediaGateTests {
    /// The fixture under `review: all`, with `flu` presenting `flu-talk.mp3`.
    func fixture(transcript: String? = "专家讲解：流感疫苗每年接种一次。") throws -> ProvinceFixture {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try fixture.edit("Content/answers/province/flu.md", replacing: "tags: [流感]", with: "tags: [流感]\nmedia: [flu-talk.mp3]")
        try fixture.write(Data([0x49, 0x44, 0x33, 0x04, 0x00]), to: "Content/media/flu-talk.mp3")
        if let transcript { try fixture.write(transcript, to: "Content/media/flu-talk.mp3.txt") }
        return fixture
    }

    func approve(_ reference: String, _ fixture: borrowing ProvinceFixture) throws {
        try fixture.submitAndApprove(reference)
    }

    func build(_ fixture: borrowing ProvinceFixture) async throws -> SiteBuild.Report {
        let content = try ContentLoader.load(directory: fixture.content)
        return try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
    }

    @Test func answerWaitsForItsTranscriptAndThenPresentsTheMedia() async throws {
        let fixture = try fixture()
        try approve("province/flu", fixture)
        let held = try await build(fixture).heldBack
        #expect(held.first { $0.item.reference == "province/flu" }?.reason?.contains("media/flu-talk.mp3") == true)
        #expect(held.contains { $0.item.reference == "media/flu-talk.mp3" })
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/www.jsnj12320.cn/media/flu-talk.mp3"))

        try approve("media/flu-talk.mp3", fixture)
        let report = try await build(fixture)
        #expect(!report.heldBack.contains { $0.item.reference == "province/flu" })
        let page = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(page.contains("<audio controls preload=\"metadata\" src=\"/media/flu-talk.mp3\"></audio>"))
        #expect(page.contains("专家讲解：流感疫苗每年接种一次。"))
        #expect(FileManager.default.contents(atPath: fixture.output + "/www.jsnj12320.cn/media/flu-talk.mp3") == Data([0x49, 0x44, 0x33, 0x04, 0x00]))
    }

    @Test func transcriptWithPersonalDataCannotBeApproved() throws {
        let fixture = try fixture(transcript: "来电人电话13812345678。")
        let board = try ReviewBoard(content: try ContentLoader.load(directory: fixture.content))
        #expect(board.review(of: "media/flu-talk.mp3")?.status == .blocked)
        #expect(throws: ReviewDesk.Refusal.self) { try approve("media/flu-talk.mp3", fixture) }
    }

    @Test func replacingTheRecordingSendsTheTranscriptBack() throws {
        let fixture = try fixture()
        try approve("media/flu-talk.mp3", fixture)
        #expect(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: "media/flu-talk.mp3")?.status == .publishable)
        try fixture.write(Data([0x49, 0x44, 0x33, 0x04, 0x01]), to: "Content/media/flu-talk.mp3")
        #expect(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: "media/flu-talk.mp3")?.status == .awaitingReview)
    }

    @Test func mediaWithoutTranscriptIsAContentError() throws {
        let fixture = try fixture(transcript: nil)
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].file.hasSuffix("answers/province/flu.md"))
        #expect(error.issues[0].line == 7)
        #expect(error.issues[0].message.contains("no readable transcript"))
    }

    /// A pipe in place of the recording or its transcript is refused as no file, by its name (it was said to be
    /// missing), and never waited for; a transcript that is not UTF-8 is said to be so.
    @Test(arguments: ["recording", "transcript", "transcript not UTF-8"])
    func aMediaEntryThatIsNoReadableFileIsNamed(_ kind: String) throws {
        let fixture = try fixture()
        let entry = fixture.content + (kind == "recording" ? "/media/flu-talk.mp3" : "/media/flu-talk.mp3.txt")
        try FileManager.default.removeItem(atPath: entry)
        if kind == "transcript not UTF-8" {
            try fixture.write(Data([0xE4, 0xB8]), to: "Content/media/flu-talk.mp3.txt")
        } else {
            #expect(mkfifo(entry, 0o600) == 0)
        }
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        let expected = kind == "transcript not UTF-8" ? "not valid UTF-8" : "not a file"
        #expect(error.issues.contains { $0.file == entry && $0.message.contains(expected) }, "\(error.issues)")
    }
}
