import Crypto
import Foundation
import Testing

/// A built site folder or a deployed release, checked against its `release-manifest.json`.
enum ReleaseFolder {
    /// Every file the manifest lists has the bytes it lists.
    /// - Parameters:
    ///   - marker: the `release: <marker>` the home page must carry (all pages of one build).
    ///   - exactly: the folder also holds no file the manifest does not list.
    static func expectComplete(_ folder: String, marker: String? = nil, exactly: Bool = false) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/release-manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(!files.isEmpty)
        var listed = Set<String>()
        for file in files {
            let path = try #require(file["path"] as? String)
            listed.insert(path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(path)"))
            #expect(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() == file["sha256"] as? String, "\(folder)/\(path)")
        }
        if let marker {
            #expect(try String(contentsOfFile: folder + "/index.html", encoding: .utf8).contains("release: \(marker)"))
        }
        if exactly {
            let present = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isFolder) && !isFolder.boolValue
            }
            #expect(Set(present).subtracting(["release-manifest.json"]) == listed, "\(folder)")
        }
    }
}
