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
        for folder in folders {
            Self.walk(folder, into: &result)
        }
        return result
    }

    private static func walk(_ folder: String, into result: inout [String: FileStamp]) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        while let entry = readdir(stream) {
            let stamp = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, FileStamp?) in
                let bytes = raw.bindMemory(to: CChar.self)
                let name = String(cString: bytes.baseAddress!)
                if name == "." || name == ".." { return (name, nil) }
                return (name, FileStamp(name: bytes.baseAddress!, in: descriptor))
            }
            guard let found = stamp.1 else { continue }
            let path = "\(folder)/\(stamp.0)"
            result[path] = found
            if found.isFolder { walk(path, into: &result) }
        }
    }
}
