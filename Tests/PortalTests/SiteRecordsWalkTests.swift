import Foundation
import Publish
import Testing

/// A build of every site walks the folders the last build made while it reads
/// its content, to keep those made from the same inputs and still as it left them.
struct SiteRecordsWalkTests {
    @Test func aRecordedFolderIsKeptOnlyAsWalked() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try FileManager.default.createDirectory(atPath: output + "/www.jsnj12320.cn", withIntermediateDirectories: true)
        try Data("<p>南京</p>".utf8).write(to: URL(fileURLWithPath: output + "/www.jsnj12320.cn/index.html"))
        let outputs = BuildStamp.contents(of: output + "/www.jsnj12320.cn")
        let records = SiteRecords(sites: ["www.jsnj12320.cn": .init(inputs: "inputs", outputs: outputs)])

        #expect(records.folders(in: output) == ["www.jsnj12320.cn": outputs])
        // Nothing walked means nothing kept.
        #expect(records.unchanged("www.jsnj12320.cn", inputs: "inputs", in: output, walked: [:]) == nil)
        #expect(records.unchanged("www.jsnj12320.cn", inputs: "inputs", in: output, walked: records.folders(in: output)) == outputs)
        // A page changed since: the folder is not the one recorded.
        try Data("<p>南京！</p>".utf8).write(to: URL(fileURLWithPath: output + "/www.jsnj12320.cn/index.html"))
        #expect(records.unchanged("www.jsnj12320.cn", inputs: "inputs", in: output, walked: records.folders(in: output)) == nil)
    }
}
