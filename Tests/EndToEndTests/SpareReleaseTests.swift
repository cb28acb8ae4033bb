import Foundation
import Glibc
import Testing

/// A site made again is staged in the release the build before the last
/// left (`.dist.spare/<domain>`): its folders are not made again, and
/// nothing in the spare reaches the output but what the build made.
struct SpareReleaseTests {
    private let nanjing = "dist/www.jsnj12320.cn"
    private let spare = ".dist.spare/www.jsnj12320.cn"

    /// Three builds, each after an edit of a Nanjing answer; `between` runs before the third.
    private func threeBuilds(between: (SampleProvinceCopy) throws -> Void = { _ in }) throws -> SampleProvinceCopy {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        for round in 1...3 {
            if round == 3 { try between(province) }
            if round > 1 { try province.editNanjingAnswer(adding: "第\(round)次调整。") }
            let built = try province.run(["build"])
            #expect(built.status == 0, "\(built.error)")
        }
        return province
    }

    @Test func aSiteMadeAgainIsStagedInTheReleaseBeforeTheLast() throws {
        var spareFolders: UInt64?
        var live: [String: Data] = [:]
        let province = try threeBuilds { province in
            spareFolders = province.inode(spare + "/answers")
            live = province.tree(nanjing)
            // Every page changes, those the two releases before shared (one inode in the spare and in the live site) too.
            try province.edit("Templates/footer.mustache", replacing: "全省12320网站", with: "江苏省12320网站")
        }
        #expect(spareFolders != nil)
        #expect(province.inode(nanjing + "/answers") == spareFolders)
        #expect(try province.read(nanjing + "/answers/nj-clinic/index.html").contains("第3次调整"))
        // The release swapped out is byte for byte the one readers saw: no live file was written into.
        #expect(province.tree(spare) == live)
        try province.expectSameAsAFreshBuild()
    }

    @Test func whatTheSpareHoldsNeverReachesTheOutput() throws {
        let province = try threeBuilds { province in
            try province.write("outside", to: "outside.html")
            try FileManager.default.createDirectory(atPath: province.root + "/outside-folder", withIntermediateDirectories: true)
            try province.write("outside page", to: "outside-folder/index.html")
            try province.write("<p>planted</p>", to: spare + "/planted.html")
            try province.write("stale", to: spare + "/answers/nj-clinic/index.html")
            for (path, destination) in [("index.html", "outside.html"), ("privacy", "outside-folder")] {
                try FileManager.default.removeItem(atPath: province.root + "/\(spare)/\(path)")
                try FileManager.default.createSymbolicLink(atPath: province.root + "/\(spare)/\(path)",
                                                           withDestinationPath: province.root + "/" + destination)
            }
        }
        #expect(try province.read("outside.html") == "outside")
        #expect(try FileManager.default.contentsOfDirectory(atPath: province.root + "/outside-folder") == ["index.html"])
        #expect(try province.read("outside-folder/index.html") == "outside page")
        try province.expectSameAsAFreshBuild()
    }

    /// A spare that is a link (to someone's folder) is neither taken nor changed.
    @Test func aSpareFolderThatIsALinkIsLeftAlone() throws {
        var kept: [String: Data] = [:]
        let province = try threeBuilds { province in
            try FileManager.default.moveItem(atPath: province.root + "/.dist.spare", toPath: province.root + "/elsewhere")
            try FileManager.default.createSymbolicLink(atPath: province.root + "/.dist.spare", withDestinationPath: province.root + "/elsewhere")
            kept = province.tree("elsewhere")
        }
        #expect(province.tree("elsewhere") == kept)
        try province.expectSameAsAFreshBuild()
    }

    /// Names compared as Strings let a name that is not UTF-8 (a GBK file name copied in by hand) through:
    /// it must go with the next release, whether it was put in the live site or in the spare.
    @Test func aNameThatIsNotUTF8NeverStaysInASite() throws {
        let gbk: [UInt8] = [0xC4, 0xDA, 0xB2, 0xBF, 0xD7, 0xCA, 0xC1, 0xCF] + Array(".html".utf8)  // 内部资料.html in GBK
        let province = try threeBuilds { province in
            for (folder, name) in [(nanjing, gbk), (spare, [0xFF] + Array(".html".utf8)), (spare + "/answers", [0xFE, 0x78])] {
                let path = Array("\(province.root)/\(folder)/".utf8) + name
                let made = (path + [0]).withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { name.first == 0xFE ? mkdir($0.baseAddress!, 0o755) : creat($0.baseAddress!, 0o644) }
                }
                #expect(made >= 0)
            }
        }
        for round in 4...5 {
            try province.editNanjingAnswer(adding: "第\(round)次调整。")
            #expect(try province.run(["build"]).status == 0)
            let names = try province.paths(under: "dist") + province.paths(under: ".dist.spare")
            #expect(names.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "round \(round)")
            try province.expectSameAsAFreshBuild()
        }
    }

    /// A spare someone else may write in (a project folder shared with a group) is not taken:
    /// whatever they put there, and the folder itself, would be published as the build's.
    @Test(arguments: ["others may write", "another owner"])
    func aSpareOthersMayWriteIsNotTaken(_ case: String) throws {
        let province = try threeBuilds { province in
            try province.write("<h1>not reviewed</h1>", to: spare + "/planted.html")
            if `case` == "others may write" {
                #expect(chmod(province.root + "/" + spare + "/answers", 0o777) == 0)
            } else {
                #expect(chown(province.root + "/" + spare, 4242, 4242) == 0 || getuid() != 0)
            }
        }
        #expect(try province.writableByOthers(under: "dist") == [])
        try province.expectSameAsAFreshBuild()
    }

    /// A folder of the live site replaced by a link to a copy someone else may write: no file of it is linked into the next release.
    @Test func aLinkedFolderInTheLiveSiteLendsNoFile() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let answers = province.root + "/" + nanjing + "/answers"
        try FileManager.default.copyItem(atPath: answers, toPath: province.root + "/lent")
        for name in try FileManager.default.contentsOfDirectory(atPath: province.root + "/lent") {
            #expect(chmod(province.root + "/lent/\(name)/index.html", 0o666) == 0)
        }
        try FileManager.default.removeItem(atPath: answers)
        try FileManager.default.createSymbolicLink(atPath: answers, withDestinationPath: province.root + "/lent")
        try province.editNanjingAnswer()
        #expect(try province.run(["build"]).status == 0)
        #expect(try province.writableByOthers(under: "dist") == [])
        try province.expectSameAsAFreshBuild()
    }

    /// The spare of a site no longer made (a city closed) goes with the next build of every site.
    @Test func theSpareOfAClosedCityGoes() throws {
        let province = try threeBuilds()
        try province.edit("Content/answers/sz/sz-insurance.md", replacing: "updated: 2024-08-01", with: "updated: 2024-08-02")
        #expect(try province.run(["build"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: province.root + "/.dist.spare/www.jssz12320.cn"))
        try province.edit("Content/portal.yml", replacing: "abbr: sz\n    status: opened", with: "abbr: sz\n    status: planned")
        #expect(try province.run(["build"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: province.root + "/.dist.spare/www.jssz12320.cn"))
        #expect(FileManager.default.fileExists(atPath: province.root + "/.dist.spare/www.jsnj12320.cn"))
    }

    /// A page of the live site replaced by a link to a file with the same bytes: the next release holds the page, not the link.
    @Test func aLinkInTheLiveSiteIsNeverTakenIntoTheNext() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let page = nanjing + "/privacy/index.html"
        try province.write(try province.read(page), to: "copy.html")
        try FileManager.default.removeItem(atPath: province.root + "/" + page)
        try FileManager.default.createSymbolicLink(atPath: province.root + "/" + page, withDestinationPath: province.root + "/copy.html")
        try province.editNanjingAnswer()
        #expect(try province.run(["build"]).status == 0)
        try province.expectSameAsAFreshBuild()
    }
}
