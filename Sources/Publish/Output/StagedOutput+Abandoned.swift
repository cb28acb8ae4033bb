import Content
import Foundation
import Glibc

/// Folders a killed build left beside the output: `<output>.staging-<pid>`
/// (a half-written tree) and `<output>.old-<pid>` (the tree it was swapping out).
extension StagedOutput {
    static let stagingInfix = ".staging-"
    static let oldInfix = ".old-"

    /// Removes such folders whose build process is gone. A folder is removed
    /// only when it is empty or carries ``OutputFolder/marker``, so a user's own
    /// folder that happens to match the name is left alone; so is a live build's.
    static func removeAbandonedSiblings(of target: String) {
        let parent = PathText.parent(of: target)
        let base = (target as NSString).lastPathComponent
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        for name in names {
            guard let pid = builderProcess(of: name, base: base), pid != getpid(), !isRunning(pid) else { continue }
            let path = parent.isEmpty ? name : "\(parent)/\(name)"
            guard let entries = try? manager.contentsOfDirectory(atPath: path),
                entries.isEmpty || entries.contains(OutputFolder.marker)
            else { continue }
            // Moved into the trash in one step: a removal cut short could take the marker and leave the rest for good.
            discardInBackground(path, target: target)
        }
    }

    /// The process id in `<base>.staging-<pid>` or `<base>.old-<pid>`.
    private static func builderProcess(of name: String, base: String) -> pid_t? {
        for infix in [stagingInfix, oldInfix] where name.hasPrefix(base + infix) {
            let digits = name.dropFirst(base.count + infix.count)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return pid_t(digits)
        }
        return nil
    }

    /// Whether `pid` is a process that may still write: not gone, and not a zombie (a killed build whose parent
    /// has not reaped it yet, as when `timeout` killed itself with it and the build waits for its new parent:
    /// such a build's folder was left for one more build).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // `/proc/<pid>/stat`: `pid (name) S …`, the state after the last `)` (a name may hold one).
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].drop { $0 == " " }.first != "Z"
    }
}
