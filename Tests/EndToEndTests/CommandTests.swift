import Foundation
import Testing

struct CommandTests {
    @Test func checkAcceptsTheSampleProvince() throws {
        let result = try Executable.run(["check"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Content is valid"))
    }

    @Test func citiesListsEveryCityWithItsDomainAndStatus() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let result = try province.run(["cities"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("nj   www.jsnj12320.cn  南京市  opened"))
        #expect(lines.contains("sq   www.jssq12320.cn  宿迁市  planned (筹建中)"))
        #expect(lines.first == "hub  www.js12320.cn  测试省")
        #expect(lines.count == 4)
    }

    @Test func buildWritesASiteForEachOpenedCityAndTheHub() throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let result = try province.run(["build"])
        #expect(result.status == 0, "\(result.error)")
        let lastLine = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("Built 3 sites,"))
        #expect(!result.error.contains("Writing files"), "no progress line when output is piped")
        let sites = try FileManager.default.contentsOfDirectory(atPath: province.root + "/dist").filter { $0.hasPrefix("www.") }
        #expect(Set(sites) == ["www.js12320.cn", "www.jsnj12320.cn", "www.jssz12320.cn"])
    }

    @Test func brokenContentExitsOneNamingFileAndLine() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Executable.repository + "/Content", toPath: folder + "/Content")
        let file = folder + "/Content/answers/province/flu-vaccine.md"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "category: vaccination", with: "category: vacination")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try Executable.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.error.contains("Content/answers/province/flu-vaccine.md:4: error: The category `vacination` is not in the province taxonomy."))
    }

    @Test func unknownCityIsAUsageError() throws {
        let result = try Executable.run(["build", "--city", "lyg", "--output", "/nonexistent/never"])
        #expect(result.status == 64)
        #expect(result.error.contains("'lyg' is not an opened city"))
    }

    @Test func aNegativeKeepIsAUsageErrorBeforeAnySiteIsSwitched() throws {
        let province = try SampleProvinceCopy()
        try #require(try province.run(["build", "--city", "nj"]).status == 0)
        for keep in ["--keep=-1", "--keep=-5"] {
            let result = try province.run(["deploy", "--to", province.root + "/srv", keep])
            #expect(result.status == 64, "\(result.error)")
            #expect(result.error.contains("--keep must be 0 or more"))
        }
        #expect(!FileManager.default.fileExists(atPath: province.root + "/srv"))
    }

    @Test(arguments: ["99999", "0", "-1", "65536"])
    func aPortOutOfRangeIsAUsageError(_ port: String) throws {
        let result = try Executable.run(["serve", "--port=\(port)"])
        #expect(result.status == 64, "\(result.error)")
        #expect(result.error.contains("--port must be between 1 and 65535"))
    }

    /// Foundation's `deletingLastPathComponent` crashes on a path of one one-character component: `build --output O`
    /// crashed before it wrote anything (found by an attack on #15). Every name builds, and builds again.
    @Test(arguments: ["O", "O/", "./O", "é", "out"])
    func buildIntoAFolderOfAnyNameWorks(_ output: String) throws {
        let province = try SampleProvinceCopy(content: SampleProvinceCopy.fixture)
        let first = try province.run(["build", "--output", output])
        #expect(first.status == 0, "\(first.error)")
        #expect(FileManager.default.fileExists(atPath: province.root + "/" + output + "/www.js12320.cn/index.html"))
        try province.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次", with: "建议每年按时接种一次")
        let second = try province.run(["build", "--output", output])
        #expect(second.status == 0, "\(second.error)")
        #expect(try province.read(output + "/www.js12320.cn/answers/flu/index.html").contains("建议每年按时接种一次"))
    }

    @Test(arguments: ["Content", ".", "..", "Templates", "Content/answers", "README.md", "notes"])
    func buildRefusesAnOutputFolderItDidNotMake(_ output: String) throws {
        let province = try SampleProvinceCopy()
        try province.write("# readme\n", to: "README.md")
        try FileManager.default.createDirectory(atPath: province.root + "/notes", withIntermediateDirectories: true)
        try province.write("keep\n", to: "notes/todo.txt")
        let before = try FileManager.default.subpathsOfDirectory(atPath: province.root).sorted()
        let result = try province.run(["build", "--output", output])
        #expect(result.status == 64, "\(result.error)")
        #expect(result.error.contains("will not build into this folder"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: province.root).sorted() == before)
    }
}
