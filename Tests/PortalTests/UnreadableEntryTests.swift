import Content
import Foundation
import Glibc
import Moderation
import Review
import Testing

/// Entries of the content folder that cannot be read as the text they seem to be are refused, by name, never
/// waited for, read as another file or passed over.
struct UnreadableEntryTests {
    /// The issues `moderate` reports for the content folder of `fixture`, or none when it scans.
    private func issues(_ fixture: borrowing ProvinceFixture) throws -> [ContentIssue] {
        do {
            _ = try ModerationReport.scan(files: AnswerFiles.moderated(inContent: fixture.content),
                                          with: ReviewBoard.moderator(for: fixture.content))
            return []
        } catch {
            return error.issues
        }
    }

    @Test func aPipeNamedLikeAnAnswerIsRefusedNotWaitedFor() throws {
        let fixture = try ProvinceFixture()
        let pipe = fixture.content + "/answers/nj/pipe.md"
        #expect(mkfifo(pipe, 0o600) == 0)
        let issues = try issues(fixture)
        #expect(issues.contains { $0.file == pipe && $0.message.contains("not a file") }, "\(issues)")
    }

    /// `bad\xFF.md` is listed as `bad\u{FFFD}.md`: read by that name, it is its neighbour that is read.
    @Test func aNameThatIsNotUTF8IsRefused() throws {
        let fixture = try ProvinceFixture()
        let folder = fixture.content + "/answers/nj/"
        let name = Array(folder.utf8) + [0x62, 0x61, 0x64, 0xFF, 0x2E, 0x6D, 0x64, 0]
        let descriptor = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array("---\nid: nj-bad\ntitle: 测试\n---\n本答复属于内部资料。\n".utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        try fixture.write(try fixture.read("Content/answers/nj/nj-clinic.md"), to: "Content/answers/nj/bad\u{FFFD}.md")
        let issues = try issues(fixture)
        #expect(issues.contains { $0.file.hasSuffix("bad\u{FFFD}.md") && $0.message.contains("not valid UTF-8") }, "\(issues)")
    }
}
