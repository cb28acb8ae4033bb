import Content
import Foundation
import Publish
import Testing

/// Each site's page records are written as the site is finished, beside where they go, and put in place only
/// once the build committed: a build that fails or is killed leaves the previous records, and its staged ones
/// are removed by the next build.
struct PageRecordsStagingTests {
    @Test func stagedRecordsCountOnlyOnceInPlaceAndLeftoversAreRemoved() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("page-records-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/dist"
        let seal = try #require(CacheSeal.keyFile(root + "/keys/cache-key"))
        let site = "www.jsnj12320.cn"
        func page(_ fingerprint: String) -> [(String, PageRecords.Page)] {
            [("\(site)/index.html", PageRecords.Page(fingerprint: fingerprint, sha256: String(repeating: "a", count: 64), size: 10))]
        }
        func recorded() -> String? {
            PageRecords.read(for: output, domains: [site], shared: "theme 1", seal: seal).pages["\(site)/index.html"]?.fingerprint
        }

        #expect(PageRecords.prepare(for: output, seal: seal))
        PageRecords.stage(site, shared: "theme 1", pages: page("first"), for: output, seal: seal)
        #expect(recorded() == nil)  // staged, not in place
        PageRecords.putInPlace([site], shared: "theme 1", for: output, seal: seal)
        #expect(recorded() == "first")

        // A build that stages and then fails: the records stay as they were; the next build removes what it staged.
        #expect(PageRecords.prepare(for: output, seal: seal))
        PageRecords.stage(site, shared: "theme 1", pages: page("second"), for: output, seal: seal)
        #expect(recorded() == "first")
        #expect(PageRecords.prepare(for: output, seal: seal))
        #expect(try FileManager.default.contentsOfDirectory(atPath: PageRecords.folder(for: output)) == [site])
        // A site made with no page staged is recorded with none.
        PageRecords.putInPlace([site], shared: "theme 1", for: output, seal: seal)
        #expect(recorded() == nil)
    }

    /// A link put where the records' folder is: nothing is written wherever it leads (found by the attack on
    /// today's change: an empty record was written through it when nothing was staged).
    @Test func nothingIsWrittenThroughALinkedRecordsFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("page-records-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/dist"
        let seal = try #require(CacheSeal.keyFile(root + "/keys/cache-key"))
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: PathText.parent(of: PageRecords.folder(for: output)), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: PageRecords.folder(for: output), withDestinationPath: root + "/elsewhere")

        #expect(!PageRecords.prepare(for: output, seal: seal))
        PageRecords.stage("www.jsnj12320.cn", shared: "theme 1", pages: [], for: output, seal: seal)
        PageRecords.putInPlace(["www.jsnj12320.cn"], shared: "theme 1", for: output, seal: seal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/elsewhere").isEmpty)
    }
}
