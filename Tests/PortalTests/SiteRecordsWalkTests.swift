import Foundation
import Publish
import Testing

/// A build of every site walks the folders the last build made while it reads
/// its content, to keep those made from the same inputs; when the inputs every
/// site shares changed (a template, portal.yml), no site can be kept and
/// nothing is walked.
struct SiteRecordsWalkTests {
    @Test func foldersAreWalkedOnlyWhenTheSharedInputsAreTheRecords() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try FileManager.default.createDirectory(atPath: output + "/www.jsnj12320.cn", withIntermediateDirectories: true)
        try Data("<p>南京</p>".utf8).write(to: URL(fileURLWithPath: output + "/www.jsnj12320.cn/index.html"))
        let outputs = BuildStamp.contents(of: output + "/www.jsnj12320.cn")
        let records = SiteRecords(sites: ["www.jsnj12320.cn": .init(inputs: "inputs", outputs: outputs)], shared: "theme 1")

        #expect(records.folders(in: output, unlessShared: "theme 1") == ["www.jsnj12320.cn": outputs])
        #expect(records.folders(in: output, unlessShared: "theme 2").isEmpty)
        // A record of an earlier version (no shared fingerprint) is walked, as before.
        #expect(SiteRecords(sites: records.sites).folders(in: output, unlessShared: "theme 2") == ["www.jsnj12320.cn": outputs])
        // Nothing walked means nothing kept.
        #expect(records.unchanged("www.jsnj12320.cn", inputs: "inputs", in: output, walked: [:]) == nil)
        #expect(records.unchanged("www.jsnj12320.cn", inputs: "inputs", in: output, walked: records.folders(in: output)) == outputs)
    }
}
