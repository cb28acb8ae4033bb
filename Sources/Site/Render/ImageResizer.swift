import Content
import Foundation

/// Makes the copy of an image that pages show: at most 1,200 pixels wide,
/// turned upright, every piece of metadata removed (a photo's EXIF can hold
/// where and by whom it was taken), by libvips' `vipsthumbnail` (Debian
/// package `libvips-tools`). The same bytes in give the same bytes out.
enum ImageResizer {
    /// The widest an image is published.
    static let maximumWidth = 1200
    static let tool = ExternalTool(name: "vipsthumbnail", package: "libvips-tools")

    /// The page's copy of `bytes`, an image whose name ends in `ending`.
    /// - Parameter source: the image's file, for messages.
    static func pageCopy(of bytes: [UInt8], ending: String, source: String) throws(ContentIssue) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal12320-image-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Fixed names, so nothing of the editor's file name reaches the tool (libvips reads `name[options]`).
        let input = "\(folder)/in.\(ending)"
        let output = "\(folder)/out.\(ending)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: input))
        } catch {
            throw ContentIssue(file: source, line: nil, message: "The image could not be prepared: \(error.localizedDescription).",
                               fix: "Check that the temporary folder is writable.")
        }
        let outcome = try tool.run([input, "--size", "\(maximumWidth)x>", "-o", "\(output)[strip]"], about: source)
        guard outcome.status == 0, let copy = FileManager.default.contents(atPath: output) else {
            throw ContentIssue(file: source, line: nil, message: "The image cannot be read: \(outcome.complaint ?? "exit status \(outcome.status)").",
                               fix: "Open it in an image editor and save it again as PNG, JPEG or WebP.")
        }
        return [UInt8](copy)
    }
}
