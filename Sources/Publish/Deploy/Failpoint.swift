import Foundation
import Glibc
import Synchronization

/// Named places where a test can make this process die at once, as a power
/// cut or `kill -9` would, to show that what it leaves behind is safe.
/// Set `PORTAL12320_FAILPOINT=<name>` (die the first time the place is
/// reached) or `<name>:<n>` (the n-th time). Compiled into debug builds
/// only, which the tests run: a release binary never reads the variable.
package enum Failpoint: String, Sendable {
    /// While a deploy copies the files of a new release (counted per file).
    case deployCopy = "deploy.copy"
    /// A deploy's new release is complete and verified; `current` not yet switched.
    case deployBeforeSwitch = "deploy.before-switch"
    /// A `--city` build, or one that keeps sites, puts its sites in place one by one (counted per site folder or report).
    case buildPutEntry = "build.put-entry"

    /// Dies with SIGKILL when this failpoint is armed and reached its count.
    package func reach() {
        #if DEBUG
        guard let armed = Self.armed, armed.name == rawValue else { return }
        let times = Self.reached.withLock { counts in
            counts[rawValue, default: 0] += 1
            return counts[rawValue]!
        }
        if times == 1 { FileHandle.standardError.write(Data("failpoint \(rawValue) armed: this process will kill itself\n".utf8)) }
        if times == armed.count { kill(getpid(), SIGKILL) }
        #endif
    }

    /// The environment variable that arms a failpoint (in debug builds).
    static let variable = "PORTAL12320_FAILPOINT"

    #if DEBUG
    private static let armed: (name: String, count: Int)? = {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1)
        return (String(parts[0]), parts.count == 2 ? max(1, Int(parts[1]) ?? 1) : 1)
    }()

    private static let reached = Mutex<[String: Int]>([:])
    #endif
}
