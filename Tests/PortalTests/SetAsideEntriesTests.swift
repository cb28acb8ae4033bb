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
        let old = try spareRelease(fixture)
        let spareSite = try inode(fixture.root + "/.dist.spare/site")
        try fixture.write("precious", to: "elsewhere/precious.txt")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/.dist.trash", withDestinationPath: fixture.root + "/elsewhere")
        #expect(OutputTrash(of: fixture.output, make: true) == nil)
        let output = try StagedOutput(target: fixture.output, spares: ["site"])
        try output.prepareFolders(for: ["site/page.html"])
        try output.write(Array("new page".utf8), to: "site/page.html")
        try output.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/elsewhere") == ["precious.txt"])
        // The spare was taken all the same: the folder it no longer has deleted in place, the page made anew.
        #expect(try inode(fixture.output + "/site") == spareSite)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.output + "/site") == ["page.html"])
        #expect(try inode(fixture.output + "/site/page.html") != old.page)
        #expect(try String(contentsOfFile: fixture.output + "/site/page.html", encoding: .utf8) == "new page")
    }

    /// Where others may write beside the output (a project folder shared with a group), they could swap a link in
    /// for the spare or the trash after the build checked it: no trash is used and no spare taken.
    @Test func besideAFolderOthersMayWriteNothingIsKeptAside() throws {
        let fixture = try ProvinceFixture()
        _ = try spareRelease(fixture)
        let spareSite = try inode(fixture.root + "/.dist.spare/site")
        try #require(chmod(fixture.root, 0o775) == 0)
        #expect(OutputTrash(of: fixture.output, make: true) == nil)
        let output = try StagedOutput(target: fixture.output, spares: ["site"])
        try output.prepareFolders(for: ["site/page.html"])
        try output.write(Array("new page".utf8), to: "site/page.html")
        try output.commit()
        #expect(try inode(fixture.output + "/site") != spareSite)
        #expect(try String(contentsOfFile: fixture.output + "/site/page.html", encoding: .utf8) == "new page")
        // Sticky, as /tmp: only an entry's owner may rename or remove it.
        try #require(chmod(fixture.root, 0o1777) == 0)
        #expect(OutputTrash(of: fixture.output, make: true) != nil)
    }

    /// Only a folder of the user's that nobody else may write is a trash: not a link to one, not a folder others may write in.
    @Test func onlyAFolderOfTheUsersOwnIsATrash() throws {
        let fixture = try ProvinceFixture()
        #expect(OutputTrash(of: fixture.output, make: false) == nil)
        #expect(OutputTrash(of: fixture.output, make: true) != nil)
        try #require(chmod(fixture.root + "/.dist.trash", 0o777) == 0)
        #expect(OutputTrash(of: fixture.output, make: true) == nil)
        try FileManager.default.removeItem(atPath: fixture.root + "/.dist.trash")
        try FileManager.default.createDirectory(atPath: fixture.root + "/mine", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/.dist.trash", withDestinationPath: fixture.root + "/mine")
        #expect(OutputTrash(of: fixture.output, make: true) == nil)
    }
}
