import Foundation
import Glibc
import Publish
import Testing

/// What a build staged in a spare release replaces or drops is moved out of
/// the staged tree, not deleted while the build runs, and deleted in the
/// background once the build is done; it never reaches the output.
struct SetAsideEntriesTests {
    /// A spare release of the site `site` holding a page and a folder the next release no longer has;
    /// the page is also linked elsewhere (as the live site links the pages it shares with the spare), so it
    /// cannot be written into (see `SpareRewriteTests`).
    private func spareRelease(_ fixture: borrowing ProvinceFixture) throws -> (page: ino_t, folder: ino_t) {
        try fixture.write("old page", to: ".dist.spare/site/page.html")
        try #require(link(fixture.root + "/.dist.spare/site/page.html", fixture.root + "/live.html") == 0)
        try fixture.write("gone", to: ".dist.spare/site/gone/index.html")
        return (try inode(fixture.root + "/.dist.spare/site/page.html"), try inode(fixture.root + "/.dist.spare/site/gone"))
    }

    private func inode(_ path: String) throws -> ino_t {
        var status = stat()
        try #require(lstat(path, &status) == 0, "\(path) is not there")
        return status.st_ino
    }

    /// The inodes of the entries of `folder`, by name.
    private func inodes(in folder: String) throws -> [ino_t] {
        try FileManager.default.contentsOfDirectory(atPath: folder).map { try inode("\(folder)/\($0)") }
    }

    @Test(.timeLimit(.minutes(1))) func whatTheSpareHeldIsSetAsideThenDeletedInTheBackground() async throws {
        let fixture = try ProvinceFixture()
        let old = try spareRelease(fixture)
        let output = try StagedOutput(target: fixture.output, spares: ["site"])
        try output.prepareFolders(for: ["site/page.html"])
        try output.write(Array("new page".utf8), to: "site/page.html")

        // Before the swap: the replaced page and the dropped folder wait in the trash, as they were.
        let setAside = try inodes(in: output.setAside.folder)
        #expect(Set(setAside) == [old.page, old.folder])
        #expect(output.setAside.folder.hasPrefix(fixture.root + "/.dist.trash/"))
        try output.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/site") == ["page.html"])
        #expect(try String(contentsOfFile: fixture.output + "/site/page.html", encoding: .utf8) == "new page")
        #expect(try inode(fixture.output + "/site/page.html") != old.page)
        #expect(try String(contentsOfFile: fixture.root + "/live.html", encoding: .utf8) == "old page")
        while FileManager.default.fileExists(atPath: output.setAside.folder) {
            await Task.yield()
        }
    }

    /// A trash that is a link (to someone's folder) is neither emptied nor used: what is replaced is deleted in place.
    @Test func aTrashThatIsALinkIsLeftAlone() throws {
        let fixture = try ProvinceFixture()
        _ = try spareRelease(fixture)
        try fixture.write("precious", to: "elsewhere/precious.txt")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/.dist.trash", withDestinationPath: fixture.root + "/elsewhere")
        let output = try StagedOutput(target: fixture.output, spares: ["site"])
        try output.prepareFolders(for: ["site/page.html"])
        try output.write(Array("new page".utf8), to: "site/page.html")
        try output.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/elsewhere") == ["precious.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/site") == ["page.html"])
        #expect(try String(contentsOfFile: fixture.output + "/site/page.html", encoding: .utf8) == "new page")
    }
}
