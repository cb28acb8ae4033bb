import Foundation

/// What turns files into answers and findings besides the files: this
/// executable, and OpenCC's tables, which moderation reads to see traditional
/// characters as simplified ones (`OPENCC_DATA_DIR`, else Debian's folders).
/// A build's stamp and its memory both hold it: a new binary, another table
/// folder or an upgraded table means nothing remembered is used.
package enum ProgramStamp {
    /// The stamp when this run first asked for it (at the start of every command): what the run's
    /// normalisation table and findings are filed under. One taken later could name tables upgraded
    /// while the run moderated with the old ones, and file old findings under the new tables.
    package static let ofThisRun = current

    /// Whether the executable and tables are still those of ``ofThisRun``: what a run keeps for the next
    /// (a table, findings) is written only then.
    package static var isUnchangedSinceStart: Bool { current == ofThisRun }

    /// The stamp as it is now.
    package static var current: String {
        let executable = RealPath.of("/proc/self/exe")
        var text = "executable \(executable) \(FileStamp(path: executable)?.fields ?? "-")\n"
        let chosen = ProcessInfo.processInfo.environment["OPENCC_DATA_DIR"]
        text += "OPENCC_DATA_DIR \(chosen ?? "-")\n"
        for folder in [chosen].compactMap({ $0 }) + ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".ocd2") }.sorted()
            for name in names {
                text += "opencc \(folder)/\(name) \(FileStamp(following: "\(folder)/\(name)")?.fields ?? "-")\n"
            }
        }
        return text
    }
}
