import Foundation

/// Paths as text, where Foundation's own path methods fail.
package enum PathText {
    /// `path` without its last component, as `NSString.deletingLastPathComponent` gives it
    /// (`a/b` → `a`, `/a` → `/`, `a` → ``), which in swift-corelibs-foundation crashes on a path
    /// of one one-character component (`O`, `O/`): `build --output O` did (found by an attack on #15).
    package static func parent(of path: String) -> String {
        var end = path[...]
        while end.count > 1, end.hasSuffix("/") { end = end.dropLast() }
        guard end.contains("/") else { return "" }
        return (path as NSString).deletingLastPathComponent
    }
}
