import Content
import Diagnostics
import Foundation
import Glibc
import Publish
import Site
import Testing

/// A build replaces its output folder whole, so it takes only folders that are
/// missing, empty or a previous build's output.
struct OutputFolderTests {
    func check(_ fixture: borrowing ProvinceFixture, _ output: String) throws(OutputRefusal) {
        try OutputFolder.check(output: output, content: fixture.content, templates: fixture.templates, workingDirectory: fixture.root)
    }

    @Test func missingEmptyAndPreviousOutputsAreAccepted() async throws {
        let fixture = try ProvinceFixture()
        try check(fixture, fixture.output)
        try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
        try check(fixture, fixture.output)
        try await build(fixture, into: fixture.output)
        try check(fixture, fixture.output)
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/" + OutputFolder.marker))
        try await build(fixture, into: fixture.output)
    }

    @Test(arguments: ["Content", "Content/", "Content/answers", "Content/../Content", "Templates", "Templates/assets", ".", "..", "/",
                      "link-to-content", "Content-link/dist"])
    func foldersThatAreNotOutputsAreRefused(_ name: String) throws {
        let fixture = try ProvinceFixture()
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/link-to-content", withDestinationPath: fixture.content)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/Content-link", withDestinationPath: fixture.content)
        let path = name.hasPrefix("/") ? name : fixture.root + "/" + name
        #expect(throws: OutputRefusal.self) { try check(fixture, path) }
    }

    @Test func aFileAndAFolderOfOtherFilesAreRefused() async throws {
        let fixture = try ProvinceFixture()
        try fixture.write("notes", to: "notes.txt")
        let file = try #require(throws: OutputRefusal.self) { try check(fixture, fixture.root + "/notes.txt") }
        #expect(file.reason.contains("a file"))
        try fixture.write("keep me", to: "photos/1.jpg")
        let folder = try #require(throws: OutputRefusal.self) { try check(fixture, fixture.root + "/photos") }
        #expect(folder.description.contains("no build wrote"))
        // The library refuses too, whoever calls it, and leaves the folder as it was.
        await #expect(throws: OutputRefusal.self) { try await build(fixture, into: fixture.root + "/photos") }
        #expect(fixture.files(under: "photos") == ["1.jpg"])
    }

    @Test func stagingFoldersOfAKilledBuildAreRemovedByTheNextBuild() async throws {
        let fixture = try ProvinceFixture()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        for name in ["dist.staging-\(dead)", "dist.old-\(dead)"] {
            try fixture.write("", to: "\(name)/\(OutputFolder.marker)")
            try fixture.write("half", to: "\(name)/www.jsnj12320.cn/index.html")
        }
        try fixture.write("", to: "dist.staging-1/\(OutputFolder.marker)")  // init is alive: kept
        try fixture.write("mine", to: "dist.staging-\(dead)0/mine.txt")  // not a build's: kept
        try await build(fixture, into: fixture.output)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix("dist.") }.sorted()
        #expect(siblings == ["dist.staging-1", "dist.staging-\(dead)0"])
    }

    /// A killed build not yet reaped by its parent (a zombie) writes nothing more: its staging folder is removed
    /// like a gone build's (found by the attack on #15: `timeout -s KILL` left one for a build more).
    @Test func stagingFolderOfAKilledBuildNotYetReapedIsRemoved() async throws {
        let fixture = try ProvinceFixture()
        var child: pid_t = 0
        var arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for argument in arguments { free(argument) } }
        #expect(posix_spawn(&child, "/bin/true", nil, nil, &arguments, environ) == 0)
        // Not waited for until the build is done: a zombie, once it has exited.
        var info = siginfo_t()
        #expect(waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) == 0)
        defer { var status: Int32 = 0; waitpid(child, &status, 0) }
        try fixture.write("", to: "dist.staging-\(child)/\(OutputFolder.marker)")
        try fixture.write("half", to: "dist.staging-\(child)/www.jsnj12320.cn/index.html")
        try await build(fixture, into: fixture.output)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix("dist.") }
        #expect(siblings.isEmpty, "\(siblings)")
    }

    /// A rebuild does not wait for the previous tree to be deleted: it goes to `.dist.trash/`, deleted by a process of its own.
    @Test(.timeLimit(.minutes(1))) func thePreviousOutputIsDeletedInTheBackground() async throws {
        let fixture = try ProvinceFixture()
        try await build(fixture, into: fixture.output)
        let first = try fixture.read("dist/www.jsnj12320.cn/index.html")
        // What a build switched off mid-deletion left in the trash is deleted by the next build.
        try fixture.write("leftover", to: ".dist.trash/1-left/www.jsnj12320.cn/index.html")
        try await build(fixture, into: fixture.output)
        #expect(try fixture.read("dist/www.jsnj12320.cn/index.html") == first)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix("dist") }
        #expect(siblings == ["dist"])
        let trash = fixture.root + "/.dist.trash"
        while !((try? FileManager.default.contentsOfDirectory(atPath: trash)) ?? []).isEmpty {
            await Task.yield()
        }
    }

    private func build(_ fixture: borrowing ProvinceFixture, into output: String) async throws {
        let content = try ContentLoader.load(directory: fixture.content)
        try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: output).run()
    }
}
