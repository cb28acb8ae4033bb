import Foundation
import Glibc
import Publish
import Testing

/// A changed page is written into its old file in the spare release only
/// when nobody can see that file change: no live page shares it, no reader
/// has it open, and it is a plain page of the user's.
struct SpareRewriteTests {
    private let page = ".dist.spare/site/page.html"

    private func inode(_ path: String) throws -> ino_t {
        var status = stat()
        try #require(lstat(path, &status) == 0, "\(path) is not there")
        return status.st_ino
    }

    /// Stages `new page` where the spare holds `old page`, after `prepare` ran on the spare page's path.
    private func stage(_ fixture: borrowing ProvinceFixture, prepare: (String) throws -> Void = { _ in }) throws -> (old: ino_t, new: ino_t) {
        try fixture.write("old page", to: page)
        let spare = fixture.root + "/" + page
        try #require(chmod(spare, 0o644) == 0)
        try prepare(spare)
        let old = try inode(spare)
        let output = try StagedOutput(target: fixture.output, spares: ["site"])
        try output.prepareFolders(for: ["site/page.html"])
        try output.write(Array("new page".utf8), to: "site/page.html")
        try output.commit()
        #expect(try String(contentsOfFile: fixture.output + "/site/page.html", encoding: .utf8) == "new page")
        return (old, try inode(fixture.output + "/site/page.html"))
    }

    @Test func aPageOnlyTheSpareHoldsIsWrittenInPlace() throws {
        let fixture = try ProvinceFixture()
        let (old, new) = try stage(fixture)
        #expect(new == old)
    }

    /// A slow client still being sent the page of the release before the last keeps reading that release's bytes.
    @Test func aPageAReaderHasOpenIsNotWrittenInto() throws {
        let fixture = try ProvinceFixture()
        var reader: Int32 = -1
        let (old, new) = try stage(fixture) { spare in
            reader = open(spare, O_RDONLY)
            try #require(reader >= 0)
        }
        defer { close(reader) }
        #expect(new != old)
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &bytes, bytes.count)
        #expect(String(decoding: bytes[..<max(count, 0)], as: UTF8.self) == "old page")
    }

    /// A page linked elsewhere (the live site shares the spare's unchanged pages so) is never written into.
    @Test func aPageLinkedElsewhereIsNotWrittenInto() throws {
        let fixture = try ProvinceFixture()
        let (old, new) = try stage(fixture) { spare in
            try #require(link(spare, fixture.root + "/elsewhere.html") == 0)
        }
        #expect(new != old)
        #expect(try String(contentsOfFile: fixture.root + "/elsewhere.html", encoding: .utf8) == "old page")
    }

    /// A page whose mode was changed (readable by its owner alone) would keep that mode: it is made anew.
    @Test func aPageOfAnotherModeIsMadeAnew() throws {
        let fixture = try ProvinceFixture()
        let (old, new) = try stage(fixture) { spare in
            try #require(chmod(spare, 0o600) == 0)
        }
        #expect(new != old)
        var status = stat()
        try #require(lstat(fixture.output + "/site/page.html", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o644)
    }
}
