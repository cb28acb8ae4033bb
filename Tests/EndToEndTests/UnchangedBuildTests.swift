import Foundation
import Glibc
import Testing

/// A build with nothing changed stops at once and leaves the output as it
/// was; any change to what a build reads or to what it left builds again.
struct UnchangedBuildTests {
    private let page = "dist/www.jsnj12320.cn/answers/flu/index.html"

    @Test func aSecondBuildWithNothingChangedLeavesTheOutputAndSaysSo() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let first = try province.run(["build"])
        #expect(first.status == 0, "\(first.error)")
        let before = province.inode(page)
        let second = try province.run(["build"])
        #expect(second.status == 0)
        #expect(second.output.contains("Nothing changed since the build of"))
        #expect(second.output.contains("review ledger:"))  // what the build said, said again
        #expect(province.inode(page) == before)
        #expect(FileManager.default.fileExists(atPath: province.root + "/.build-cache/dist.stamp.json"))
    }

    /// Without its lock a build could overlap another into the same folder and record a site made from other
    /// inputs as current: a `.build-cache` that is not a folder stops the build, the output as it was (found by
    /// the attack on #15, where the build ran on without a lock and said nothing).
    @Test func aBuildThatCannotTakeItsLockStopsAndLeavesTheOutput() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let before = province.inode(page)
        try FileManager.default.removeItem(atPath: province.root + "/.build-cache")
        try province.write("not a folder", to: ".build-cache")
        try province.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年按时接种一次")
        let refused = try province.run(["build"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("The build lock") && refused.error.contains("Nothing was built"), "\(refused.error)")
        #expect(province.inode(page) == before)
        try FileManager.default.removeItem(atPath: province.root + "/.build-cache")
        #expect(try province.run(["build"]).status == 0)
    }

    /// Edits that must each build again: content, theme, the output itself, another city selection.
    @Test(arguments: ["answer", "backdated answer", "theme", "ledger", "output page", "output removed file", "city"])
    func anyChangeBuildsAgain(_ change: String) throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let answer = province.root + "/Content/answers/province/flu.md"
        var arguments = ["build"]
        switch change {
        case "answer":
            try province.write(try String(contentsOfFile: answer, encoding: .utf8) + "\nSTAMP-EDIT\n", to: "Content/answers/province/flu.md")
        case "backdated answer":
            // Same size, modification time set back: only the status-change time tells.
            var info = stat()
            #expect(lstat(answer, &info) == 0)
            let text = try String(contentsOfFile: answer, encoding: .utf8)
            try province.write(text.replacingOccurrences(of: "建议每年接种一次", with: "STAMPEDIT每年接种一次"), to: "Content/answers/province/flu.md")
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, answer, &times, 0) == 0)
        case "theme":
            let footer = province.root + "/Templates/footer.mustache"
            try province.write(try String(contentsOfFile: footer, encoding: .utf8) + "<!-- STAMP-EDIT -->\n", to: "Templates/footer.mustache")
        case "ledger":
            try province.write("", to: "Content/reviews.jsonl")
        case "output page":
            try province.write("defaced", to: page)
        case "output removed file":
            try FileManager.default.removeItem(atPath: province.root + "/" + page)
        default:
            arguments += ["--city", "nj"]
        }
        let again = try province.run(arguments)
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("Nothing changed"), "\(change)")
        #expect(again.output.contains("Built "))
        let published = try String(contentsOfFile: province.root + "/" + page, encoding: .utf8)
        #expect(published.contains("STAMP") == (change.hasSuffix("answer") || change == "theme"), "\(change)")
        #expect(!published.contains("defaced"))
    }

    /// The answers folder (or a template, to another file of the theme) may be a link, which the loaders follow:
    /// so does the stamp. (A template linked outside the theme is refused, as a theme asset is.)
    @Test(arguments: ["answers", "template"])
    func anEditThroughALinkBuildsAgain(_ linked: String) throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let (inside, outside, edited) = linked == "answers"
            ? ("Content/answers", "answers-real", "answers-real/province/flu.md")
            : ("Templates/footer.mustache", "Templates/shared/footer.mustache", "Templates/shared/footer.mustache")
        try FileManager.default.createDirectory(atPath: province.root + "/Templates/shared", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: province.root + "/" + inside, toPath: province.root + "/" + outside)
        try FileManager.default.createSymbolicLink(atPath: province.root + "/" + inside, withDestinationPath: province.root + "/" + outside)
        #expect(try province.run(["build"]).status == 0)
        try province.write(try province.read(edited).replacingOccurrences(of: "建议每年接种一次", with: "STAMP每年接种一次")
                           + (linked == "template" ? "<!-- STAMP -->\n" : ""), to: edited)
        let again = try province.run(["build"])
        #expect(!again.output.contains("Nothing changed"), "\(again.output)")
        #expect(try province.read(page).contains("STAMP"))
    }

    /// Moderation reads OpenCC's tables: another table folder means nothing remembered is used.
    @Test func anotherOpenCCFolderBuildsAgain() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        let again = try province.run(["build"], environment: ["OPENCC_DATA_DIR": "/usr/share/opencc"])
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.output.contains("Nothing changed"), "\(again.output)")
    }

    /// A time far in the future (past 2262, where nanoseconds overflow 64 bits) does not stop the build.
    @Test func aFileDatedFarInTheFutureIsStamped() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        var times = [timespec(tv_sec: 10_500_000_000, tv_nsec: 0), timespec(tv_sec: 10_500_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, province.root + "/Content/answers/province/flu.md", &times, 0) == 0)
        let built = try province.run(["build"])
        #expect(built.status == 0, "\(built.error)")
        #expect(try province.run(["build"]).output.contains("Nothing changed"))
    }

    /// What a killed build left of the memory it was writing goes with the next build.
    @Test func aMemoryHalfWrittenByAKilledBuildIsRemoved() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        #expect(try province.run(["build"]).status == 0)
        // A scope's file in the memory folder, and the one file of an earlier version.
        let leftovers = ["/.build-cache/dist.memory/city-nj.4242.tmp", "/.build-cache/dist.memory.4242.tmp"].map { province.root + $0 }
        for leftover in leftovers { try Data("half".utf8).write(to: URL(fileURLWithPath: leftover)) }
        try province.write(try province.read("Content/answers/province/flu.md") + "\n补充。\n", to: "Content/answers/province/flu.md")
        #expect(try province.run(["build"]).status == 0)
        for leftover in leftovers { #expect(!FileManager.default.fileExists(atPath: leftover)) }
        #expect(FileManager.default.fileExists(atPath: province.root + "/.build-cache/dist.memory/city-nj"))
    }
}
