import Foundation

/// Notices edits in the content and theme folders by comparing a signature of
/// every file's path, size and modification time, taken twice a second.
struct ChangeWatcher: Sendable {
    let folders: [String]

    func signature() -> [String: String] {
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
