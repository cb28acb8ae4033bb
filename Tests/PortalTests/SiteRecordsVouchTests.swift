import Foundation
import Publish
import Testing

/// What a `--city` build would leave in place must be vouched for by the sites' record as moderated with the
/// lexicon of this build: a folder no record lists (a closed city's, one left from a build of which nothing is
/// known) is named, as is every folder when there is no record or it was made under another lexicon.
struct SiteRecordsVouchTests {
    @Test func onlyFoldersRecordedUnderThisLexiconAreVouchedFor() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        for folder in ["www.jsnj12320.cn", "www.jssz12320.cn", "www.jsxz12320.cn", "nginx"] {
            try FileManager.default.createDirectory(atPath: "\(output)/\(folder)", withIntermediateDirectories: true)
        }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: output + "/held-back.json"))
        try FileManager.default.createSymbolicLink(atPath: output + "/www.jswx12320.cn", withDestinationPath: "/tmp")
        var record = SiteRecords(sites: ["www.jssz12320.cn": .init(inputs: "i", outputs: BuildStamp.contents(of: output + "/www.jssz12320.cn"))])
        record.lexicon = "lexicon 1"
        let making: Set = ["www.jsnj12320.cn", "nginx"]

        #expect(SiteRecords.keptUnvouched(by: record, in: output, making: making, lexicon: "lexicon 1")
            == ["www.jswx12320.cn", "www.jsxz12320.cn"])
        let every = ["www.jssz12320.cn", "www.jswx12320.cn", "www.jsxz12320.cn"]
        // Listed, but no longer as recorded.
        try Data("<p>苏州</p>".utf8).write(to: URL(fileURLWithPath: output + "/www.jssz12320.cn/index.html"))
        #expect(SiteRecords.keptUnvouched(by: record, in: output, making: making, lexicon: "lexicon 1") == every)
        record.sites["www.jssz12320.cn"] = .init(inputs: "i", outputs: BuildStamp.contents(of: output + "/www.jssz12320.cn"))
        #expect(SiteRecords.keptUnvouched(by: record, in: output, making: making, lexicon: "lexicon 2") == every)
        #expect(SiteRecords.keptUnvouched(by: nil, in: output, making: making, lexicon: "lexicon 1") == every)
        record.lexicon = nil
        #expect(SiteRecords.keptUnvouched(by: record, in: output, making: making, lexicon: "lexicon 1") == every)
        #expect(SiteRecords.keptUnvouched(by: nil, in: output + "/none", making: making, lexicon: "lexicon 1").isEmpty)
    }
}
