import Foundation
import Glibc
import Testing

/// A build keeps each site folder made from the same inputs as last time,
/// and the output is still exactly what a build from nothing would make.
struct KeptSitesTests {
    private let nanjing = "dist/www.jsnj12320.cn"
    private let suzhou = "dist/www.jssz12320.cn"

    @Test func anEditedCityAnswerMakesOnlyItsSiteAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let suzhouFolder = province.inode(suzhou)
        let hubFolder = province.inode("dist/www.js12320.cn")
        let nanjingFolder = province.inode(nanjing)
        try province.editNanjingAnswer(adding: "门诊时间有调整，以医院公告为准。")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("Built 3 sites (2 of them unchanged, kept as they were)"), "\(again.output)")
        #expect(province.inode(suzhou) == suzhouFolder)
        #expect(province.inode("dist/www.js12320.cn") == hubFolder)
        #expect(province.inode(nanjing) != nanjingFolder)
        #expect(try province.read(nanjing + "/answers/nj-clinic/index.html").contains("门诊时间有调整"))
        try province.expectSameAsAFreshBuild()
    }

    /// A theme change reaches every site: none is kept.
    @Test func aTemplateChangeMakesEverySiteAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try province.edit("Templates/footer.mustache", replacing: "全省12320网站", with: "江苏省12320网站")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("unchanged"), "\(again.output)")
        #expect(try province.read(suzhou + "/index.html").contains("江苏省12320网站"))
        #expect(try province.read("dist/www.js12320.cn/index.html").contains("江苏省12320网站"))
        // And back: the sites made before the change are not taken for the sites made now.
        try province.edit("Templates/footer.mustache", replacing: "江苏省12320网站", with: "全省12320网站")
        #expect(try province.run(["build"]).status == 0)
        #expect(try !province.read(suzhou + "/index.html").contains("江苏省12320网站"))
        try province.expectSameAsAFreshBuild()
    }

    /// A site folder changed after the build (a page defaced, a file added) is made again, whatever the record says.
    @Test(arguments: ["defaced", "added", "removed"])
    func aSiteFolderChangedSinceTheBuildIsMadeAgain(_ change: String) throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let page = suzhou + "/index.html"
        switch change {
        case "defaced": try province.write("defaced", to: page)
        case "added": try province.write("<p>defaced</p>", to: suzhou + "/answers/extra.html")
        default: try FileManager.default.removeItem(atPath: province.root + "/" + page)
        }
        // And an edit elsewhere, so that this is not a build with nothing changed.
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("(1 of them unchanged"), "\(again.output)")
        #expect(try province.read(page).contains("<!DOCTYPE html>"))
        try province.expectSameAsAFreshBuild()
    }

    /// Whatever lies in the output that this build neither made nor kept goes, as with a build into an empty folder.
    @Test func entriesNoSiteOwnsAreRemovedWhenSitesAreKept() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try FileManager.default.createDirectory(atPath: province.root + "/dist/www.jsxx12320.cn", withIntermediateDirectories: true)
        try province.write("<p>stray</p>", to: "dist/www.jsxx12320.cn/index.html")
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.output.contains("(2 of them unchanged"), "\(again.output)")
        #expect(!FileManager.default.fileExists(atPath: province.root + "/dist/www.jsxx12320.cn"))
        try province.expectSameAsAFreshBuild()
    }

    /// A build killed while it puts sites in place leaves no record to trust: the next one makes every site.
    /// (A build that fails before it writes keeps the record: the output is as the record says.)
    @Test func aBuildKilledWhilePuttingSitesInPlaceLeavesNoRecord() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try province.editNanjingAnswer()
        let killed = try province.run(["build"], environment: ["PORTAL12320_FAILPOINT": "build.put-entry:1"])
        #expect(killed.signal == SIGKILL, "the failpoint was not reached: \(killed.error)")
        #expect(!FileManager.default.fileExists(atPath: province.root + "/.build-cache/dist.sites.json"))
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("unchanged"), "\(again.output)")
        try province.expectSameAsAFreshBuild()
    }

    /// A `--city` build keeps the hub when nothing of it changed, and a full build then keeps both sites it made.
    @Test func aCityBuildAndAFullBuildShareTheRecord() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        try province.editNanjingAnswer()
        let city = try province.run(["build", "--city", "nj"])
        #expect(city.output.contains("Built 2 sites (1 of them unchanged"), "\(city.output)")
        let full = try province.run(["build"])
        #expect(full.output.contains("Built 3 sites (3 of them unchanged"), "\(full.output)")
        try province.expectSameAsAFreshBuild()
    }

    /// A new line in the ledger is recorded in every site's manifest: every site is made again.
    @Test func aNewLedgerLineMakesEverySiteAgain() throws {
        let province = try SampleProvinceCopy()
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.run(["review", "submit", "province/appointment-cancel", "--key", SampleProvinceCopy.editorKey]).status == 0)
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("unchanged"), "\(again.output)")
        try province.expectSameAsAFreshBuild()
    }

    // The attack on kept sites and the build memory (helper report, 2026-11-30): each case below published,
    // in an incremental build, what a build from nothing would not.

    /// An answer that is a link (inside its city's folder, which the loader allows): its stamp is the link's, not the file's.
    @Test func anAnswerThatIsALinkIsReadAgainWhenItsFileChanges() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let folder = province.root + "/Content/answers/sz"
        try FileManager.default.createDirectory(atPath: folder + "/.src", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder + "/sz-insurance.md", toPath: folder + "/.src/sz-insurance.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/sz-insurance.md", withDestinationPath: ".src/sz-insurance.md")
        #expect(try province.run(["build"]).status == 0)
        try province.edit("Content/answers/sz/.src/sz-insurance.md", replacing: "SUZHOU-OVERRIDE-TEXT", with: "SUZHOU-OVERRIDE-TEXT 内部资料")
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!(try province.isPublished("内部资料")))
        try province.expectSameAsAFreshBuild()
    }

    /// Bytes moved from one lexicon file into another (a NUL in a file) must not hash as the same lexicon.
    @Test func aLexiconEditThatMovesBytesBetweenFilesIsSeen() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        try province.edit("Content/answers/sz/sz-insurance.md", replacing: "SUZHOU-OVERRIDE-TEXT", with: "SUZHOU-OVERRIDE-TEXT 违禁词测试")
        let lexicon = province.root + "/Content/lexicon/"
        try Data("\n违禁词测试\n".utf8).write(to: URL(fileURLWithPath: lexicon + "classified.txt.bak"))
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.isPublished("违禁词测试"))
        let classified = try #require(FileManager.default.contents(atPath: lexicon + "classified.txt"))
        try (classified + Data("\0classified.txt.bak\0\n违禁词测试\n".utf8)).write(to: URL(fileURLWithPath: lexicon + "classified.txt"))
        try FileManager.default.removeItem(atPath: lexicon + "classified.txt.bak")
        let again = try province.run(["build"])
        #expect(!(try province.isPublished("违禁词测试")), "\(again.output)\(again.error)")
    }

    /// A site folder replaced by a link to a folder is not kept: it is made again as a folder.
    @Test func aSiteFolderThatIsALinkIsMadeAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let site = province.root + "/" + suzhou
        try FileManager.default.moveItem(atPath: site, toPath: province.root + "/dist/.szreal")
        try FileManager.default.createSymbolicLink(atPath: site, withDestinationPath: ".szreal")
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.output.contains("(1 of them unchanged"), "\(again.output)")
        #expect(province.isFolder(suzhou))
        try province.expectSameAsAFreshBuild()
    }

    /// The record of the sites is sealed with the user's key: one written by anybody else is not believed.
    @Test func aRecordNotSealedByTheUserIsNotBelieved() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let file = province.root + "/.build-cache/dist.sites.json"
        let sealed = try #require(FileManager.default.contents(atPath: file))
        // The same record, as plain JSON: what a forger without the key can write.
        try sealed.prefix(sealed.count - 32).write(to: URL(fileURLWithPath: file))
        try province.editNanjingAnswer()
        let again = try province.run(["build"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("unchanged"), "\(again.output)")
    }

    /// A deploy that finds a site's files are not what its build wrote drops the site's record: the next build repairs it.
    @Test func aDeployThatFindsADefacedFileMakesTheNextBuildMakeTheSiteAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        // Same size, modification time set back: the folder's stamps cannot tell.
        let text = try province.rewriteUnseen(suzhou + "/index.html", replacing: "<title>", with: "<title>X")
        let deployed = try province.run(["deploy", "--to", province.root + "/srv"])
        #expect(deployed.status != 0, "the defaced file was deployed")
        try province.editNanjingAnswer()
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.read(suzhou + "/index.html") == text)
    }
}
