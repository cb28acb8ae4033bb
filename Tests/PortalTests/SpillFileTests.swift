import Foundation
import Review
import Site
import Testing
@testable import Content

/// `build` gives each answer's source up to a nameless file of its own once the
/// answer is read and moderated, and reads it back to render, index and remember
/// the answer (``SpillFile``, ``AnswerFileCache/spillSourcesAsRead(to:)``).
struct SpillFileTests {
    /// The answers of the fixture, read as `build` reads them (scanned as read, reader's texts and sources
    /// given up), or as the preview does (everything kept).
    private func load(_ fixture: borrowing ProvinceFixture, spilling: Bool) throws -> (BuildMemory, ProvinceContent) {
        let memory = BuildMemory()
        if spilling {
            memory.findings.scanAsRead(by: memory.answers, contentDirectory: fixture.content)
            memory.answers.giveUpReaderTextsAsRead()
            memory.answers.spillSourcesAsRead(to: try #require(SpillFile(directory: fixture.root)))
        }
        return (memory, try ContentLoader.load(directory: fixture.content, cache: memory.answers))
    }

    @Test func aSpilledAnswerGivesBackEveryTextItWasReadWith() throws {
        let fixture = try ProvinceFixture()
        let (_, kept) = try load(fixture, spilling: false)
        let (_, spilled) = try load(fixture, spilling: true)
        #expect(spilled.answers.count == kept.answers.count && !kept.answers.isEmpty)
        #expect(spilled.answers.allSatisfy { $0.isSpilled })
        #expect(!kept.answers.contains { $0.isSpilled })
        let keptByFile = Dictionary(uniqueKeysWithValues: kept.answers.map { ($0.file, $0) })
        for answer in spilled.answers {
            let original = try #require(keptByFile[answer.file])
            #expect(answer.source == original.source, "\(answer.file)")
            #expect(answer.body == original.body, "\(answer.file)")
            #expect(answer.bodyByteCount == original.bodyByteCount, "\(answer.file)")
            #expect(answer.lengthOfBodyEndingSource == original.lengthOfBodyEndingSource, "\(answer.file)")
            #expect(answer.readerTexts == original.readerTexts, "\(answer.file)")
        }
    }

    /// Nobody can open the file to change a text between its moderation and its page: it has no name.
    @Test func theSpillFileLeavesNoNameInItsFolderAndGivesBackWhatItKept() throws {
        let fixture = try ProvinceFixture()
        let folder = fixture.root + "/spill"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let file = try #require(SpillFile(directory: folder))
        let texts = ["内部资料", "", String(repeating: "答", count: 100_000)]
        let kept = try texts.map { text in
            var text = text
            return (try #require(text.withUTF8 { file.keep(UnsafeRawBufferPointer($0)) }), text.utf8.count)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        for (text, (offset, count)) in zip(texts, kept) {
            #expect(String(decoding: file.bytes(at: offset, count: count), as: UTF8.self) == text)
        }
    }

    /// Where there is no `O_TMPFILE`, the file has a name for a moment: one a killed build left is removed by the next.
    @Test func aSpillFileLeftWithANameIsRemovedAndNothingElse() throws {
        let fixture = try ProvinceFixture()
        let folder = fixture.root + "/cache"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("内部资料".utf8).write(to: URL(fileURLWithPath: folder + "/.spill-Ab12Cd"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/dist.stamp.json"))
        SpillFile.removeLeftovers(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["dist.stamp.json"])
        // A `.build-cache` that is a link to another folder: nothing there is removed (found by the attack on #15).
        let elsewhere = fixture.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: URL(fileURLWithPath: elsewhere + "/.spill-victim"))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/linked", withDestinationPath: elsewhere)
        SpillFile.removeLeftovers(in: fixture.root + "/linked")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == [".spill-victim"])
    }

    @Test func noSpillFileIsMadeWhereThereIsNoFolder() throws {
        let fixture = try ProvinceFixture()
        #expect(SpillFile(directory: fixture.root + "/missing") == nil)
    }

    /// The pages, search index and feeds of a build from spilled sources are those of a build that kept them.
    /// Sources spilled, and the renderings' HTML and plain text too (``RenderedTexts``), as `build` does.
    @Test func aBuildFromSpilledSourcesWritesTheSameBytes() async throws {
        let fixture = try ProvinceFixture()
        var outputs: [[String: Data]] = []
        for spilling in [false, true] {
            let (memory, content) = try load(fixture, spilling: spilling)
            let output = fixture.root + "/dist-\(spilling)"
            let spill = spilling ? try #require(SpillFile(directory: fixture.root)) : nil
            _ = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: output, memory: memory,
                                    spill: spill).run()
            let files = fixture.files(under: "dist-\(spilling)")
            outputs.append(Dictionary(uniqueKeysWithValues: try files.map { ($0, try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0))) }))
        }
        #expect(outputs[0].count > 20)
        #expect(outputs[0] == outputs[1])
    }
}
