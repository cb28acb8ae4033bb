import Foundation
import Glibc

/// Paths compared as the file system sees them: absolute, with `.`, `..` and
/// every symbolic link resolved, so that `dist/..`, `./Content` and a link to
/// the content folder are all recognised for what they are.
package enum RealPath {
    /// `path` resolved; for a path that does not exist yet, its nearest existing
    /// ancestor resolved and the missing rest appended.
    package static func of(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = PathText.parent(of: absolute)
        guard !parent.isEmpty, parent != absolute else { return absolute }
        let base = of(parent)
        switch (absolute as NSString).lastPathComponent {
        case "", ".": return base
        case "..": return PathText.parent(of: base)
        case let name: return base == "/" ? "/" + name : base + "/" + name
        }
    }

    /// Whether resolved `path` is resolved `folder` itself or lies inside it.
    package static func isInside(_ path: String, _ folder: String) -> Bool {
        PathText.isInside(of(path), of(folder))
    }
}
