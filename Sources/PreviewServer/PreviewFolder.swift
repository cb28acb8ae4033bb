import Foundation
import Glibc

/// Where `serve` builds: a folder of the temporary directory that only this
/// user can enter (mode 0700, made by `mkdtemp`, so no one can create it
/// first or link it elsewhere), holding unreviewed answers in preview mode,
/// removed when the preview stops.
struct PreviewFolder: Sendable {
    static let prefix = "portal12320-preview-"
    let path: String

    /// Removes the folders of previews that are no longer running (killed
    /// before they could clean up), then makes a new one.
    static func create(in temporary: String = FileManager.default.temporaryDirectory.path) throws -> PreviewFolder {
        removeAbandoned(in: temporary)
        var template = Array("\(temporary)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PreviewError(message: "\(temporary): cannot create the preview folder (\(String(cString: strerror(errno)))).")
        }
        let path = String(cString: made)
        chmod(path, 0o700)
        return PreviewFolder(path: path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `portal12320-preview-<pid>-XXXXXX` folders of this user whose process is gone.
    private static func removeAbandoned(in temporary: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid != getpid() else { continue }
            let path = "\(temporary)/\(name)"
            // Not following links: a link of that name is never ours.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeDirectory,
                (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid()
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
