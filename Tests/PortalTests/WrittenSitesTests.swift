import Content
import Foundation
import Crypto
@testable import Publish
@testable import Site
import Testing

/// A build finishes each site as soon as its last file is written: its manifest
/// lists every file of it, its fingerprint is what the folder will be once in
/// place, and the records of its files are given up before the next site's are
/// made (4x the province held every file's record to the end).
struct WrittenSitesTests {
    @Test func aSiteIsFinishedWhenItsLastFileIsWrittenAndNotBefore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try StagedOutput(target: root + "/dist")
        defer { output.discard() }
        let paths = ["a.cn/index.html", "a.cn/answers/x/index.html", "b.cn/index.html", "held-back.json"]
        try output.prepareFolders(for: paths)
        let sites = WrittenSites(paths: paths, domains: ["a.cn", "b.cn"], output: output, pageRecords: nil) { domain, files in
            ReleaseManifest(domain: domain, files: files)
        }
        func write(_ path: String, fingerprint: String? = nil) throws {
            let bytes = Array("<p>\(path)</p>".utf8)
            try output.write(bytes, to: path)
            try sites.add(.init(entry: .init(path: path, sha256: SHA256.hex(bytes), size: bytes.count), fingerprint: fingerprint))
        }

        try write("a.cn/index.html", fingerprint: "f1")
        try write("b.cn/index.html")
        try write("held-back.json")
        // b.cn's one file is written: b.cn is finished, a.cn not yet.
        #expect(Set(sites.finished.outputs.keys) == ["b.cn"])
        #expect(sites.unfinished == ["a.cn"])
        #expect(!FileManager.default.fileExists(atPath: output.staging + "/a.cn/" + ReleaseManifest.fileName))

        try write("a.cn/answers/x/index.html", fingerprint: "f2")
        let finished = sites.finished
        #expect(sites.unfinished.isEmpty)
        #expect(Set(finished.outputs.keys) == ["a.cn", "b.cn"])
        let manifest = try String(contentsOfFile: output.staging + "/a.cn/" + ReleaseManifest.fileName, encoding: .utf8)
        #expect(manifest.contains("\"answers/x/index.html\"") && manifest.contains("\"index.html\""))
        // The fingerprint is the folder's as a walk finds it once in place, manifest included.
        #expect(finished.outputs["a.cn"] == BuildStamp.contents(of: output.staging + "/a.cn"))
        // Its files' stamps are given up: nothing of it is left to fingerprint.
        #expect(output.contents(of: "a.cn") != finished.outputs["a.cn"])
    }
}
