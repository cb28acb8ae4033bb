import Foundation

/// Every file's path, size and modification time under some folders: two
/// signatures differ when a file was added, removed or changed (the preview
/// watches the content and theme folders with it, the console its cache).
package struct FolderSignature: Sendable {
    package let folders: [String]

    package init(folders: [String]) {
        self.folders = folders
    }

    package func signature() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let path as String in enumerator {
                let full = "\(folder)/\(path)"
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: full) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[full] = "\(size):\(modified)"
            }
        }
        return result
    }
}
