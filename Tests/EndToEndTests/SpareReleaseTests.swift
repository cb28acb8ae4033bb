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
