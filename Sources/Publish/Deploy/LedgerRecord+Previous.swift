import Content
import Foundation
import Review

extension LedgerRecord {
    /// What the previous build into `outputDirectory` recorded: its record, and
    /// the head — the record's, or, when the record is gone, the newest head its
    /// site manifests carry.
    /// - Throws: ``ContentErrors`` when the record is there but unreadable (a damaged
    ///   record must not pass for a first build).
    package static func previous(in outputDirectory: String) throws(ContentErrors) -> (record: LedgerRecord?, head: LedgerHead?) {
        let file = "\(outputDirectory)/\(fileName)"
        if let data = FileManager.default.contents(atPath: file) {
            guard let record = try? JSONDecoder().decode(LedgerRecord.self, from: data) else {
                throw ContentErrors([ContentIssue(file: file, line: nil,
                                                  message: "The record of the previous build's review ledger is damaged, so a rewound ledger could not be noticed.",
                                                  fix: "Build into a new, empty output folder, and deploy from it: the deploy compares with the release online.")])
            }
            return (record, record.head)
        }
        let sites = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
        let head = sites.compactMap { ReleaseManifest.read(from: "\(outputDirectory)/\($0)/\(ReleaseManifest.fileName)")?.ledger }
            .max { $0.lines < $1.lines }
        return (nil, head)
    }
}
