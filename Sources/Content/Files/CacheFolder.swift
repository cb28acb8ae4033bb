import Foundation

/// `.build-cache/` beside a folder of the user's (the output, the content): where every record a command keeps of
/// that folder for the next run lives (a build's stamp, sites, memory and lock; `moderate`'s findings). Safe to delete.
package enum CacheFolder {
    /// `.build-cache/` beside `folder`.
    package static func directory(beside folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".build-cache").path
    }

    /// `.build-cache/<folder's name>.<suffix>` beside `folder`.
    package static func file(for folder: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        return URL(fileURLWithPath: directory(beside: folder)).appendingPathComponent(url.lastPathComponent + "." + suffix).path
    }
}
