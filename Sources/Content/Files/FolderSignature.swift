import Glibc

/// Every file's stamp under some folders (see ``FileStamp``): two signatures
/// differ when a file was added, removed or changed in any way. The preview
/// watches the content and theme folders with it, the console its cache.
/// Walks with `readdir` and `fstatat` (as `lstat`), never following links: 20,000 files in
/// a few tens of milliseconds.
package struct FolderSignature: Sendable {
    package let folders: [String]

    package init(folders: [String]) {
        self.folders = folders
    }

    /// - Parameter expected: how many files there were last time, to size the table once.
    package func signature(expected: Int = 0) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        result.reserveCapacity(expected)
        // The first two levels on this thread; the folders below them (a city's answers, …) on all cores.
        var below: [String] = []
        for folder in folders {
            Self.walk(folder, into: &result, depth: 2, deeper: &below)
        }
        let parts = below.concurrentMap { folder in
            var part: [String: FileStamp] = [:]
            var none: [String] = []
            Self.walk(folder, into: &part, depth: .max, deeper: &none)
            return part
        }
        for part in parts { result.merge(part) { first, _ in first } }
        return result
    }

    /// `signature` brought up to date where `paths` changed, without walking
    /// the rest: each path is stamped again (a folder with everything below
    /// it), one that is gone is removed with everything that was below it,
    /// and the folder holding each is stamped again, alone (its entries changed). The
    /// same as a new ``signature(expected:)`` when `paths` names every file or
    /// folder changed since `signature` was taken; a path that is one of the
    /// watched folders, or outside them, or no paths known (`nil`), means a new walk.
    package func updating(_ signature: [String: FileStamp], at paths: Set<String>?) -> [String: FileStamp] {
        guard let paths else { return self.signature(expected: signature.count) }
        let inside = { (path: String) in folders.contains { path.hasPrefix($0 + "/") } }
        guard paths.allSatisfy(inside) else { return self.signature(expected: signature.count) }
        var result = signature
        for path in paths.sorted() {
            let stamp = FileStamp(path: path)
            if result[path]?.isFolder == true || stamp?.isFolder == true {
                let below = path + "/"
                for key in result.keys.filter({ $0.hasPrefix(below) }) { result[key] = nil }
            }
            result[path] = stamp
            if stamp?.isFolder == true {
                var none: [String] = []
                Self.walk(path, into: &result, depth: .max, deeper: &none)
            }
        }
        // The folders holding them: their own entries changed, what they hold is stamped above.
        for folder in Set(paths.map(Self.parent)).subtracting(paths) where inside(folder) {
            result[folder] = FileStamp(path: folder)
        }
        return result
    }

    /// The folder holding `path`.
    private static func parent(_ path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }

    /// Like ``signature(expected:)``, and through links as well: each link
    /// also stamps what it names (as `<link>/.` for a file it names, whatever lies in a
    /// folder it names under the link's path), so that an edit of a file
    /// reached through a link changes the signature (the loader reads through links).
    /// - Returns: the stamps, and whether they are all there: following stops
    ///   after `limit` entries (a link to `/` must not walk the machine), and
    ///   a signature that is not complete must be taken as changed.
    package func signatureThroughLinks(limit: Int = 1_000_000) -> (stamps: [String: FileStamp], complete: Bool) {
        var result = signature()
        var visited = Set(folders.map { RealPath.of($0) })
        var pending = result.filter { !$0.value.isFile && !$0.value.isFolder }.map(\.key)
        while let link = pending.popLast() {
            guard result.count < limit else { return (result, false) }
            guard let target = FileStamp(following: link) else { continue }
            result[link + "/."] = target
            guard target.isFolder, visited.insert(RealPath.of(link)).inserted else { continue }
            let inside = FolderSignature(folders: [link]).signature()
            result.merge(inside) { first, _ in first }
            pending += inside.filter { !$0.value.isFile && !$0.value.isFolder }.map(\.key)
        }
        return (result, true)
    }

    /// Stamps what lies in `folder`, and in its folders down to `depth` levels;
    /// the folders deeper than that are added to `deeper`, unwalked.
    private static func walk(_ folder: String, into result: inout [String: FileStamp], depth: Int, deeper: inout [String]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        while let entry = readdir(stream) {
            let pointer = DirectoryEntry.name(entry)
            let name = String(cString: pointer)
            guard name != "." && name != "..", let found = FileStamp(name: pointer, in: descriptor) else { continue }
            let path = "\(folder)/\(name)"
            result[path] = found
            guard found.isFolder else { continue }
            if depth > 1 { walk(path, into: &result, depth: depth - 1, deeper: &deeper) } else { deeper.append(path) }
        }
    }
}
