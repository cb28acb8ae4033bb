import Foundation
import Glibc
import Testing

/// Edits that make a site again, and what a build left in a folder of the province copy, to compare outputs.
extension SampleProvinceCopy {
    /// An edit of a Nanjing answer (`nj-clinic`): the Nanjing site must be made again, the others may be kept.
    func editNanjingAnswer(adding text: String = "门诊时间有调整。") throws {
        let clinic = "Content/answers/nj/nj-clinic.md"
        try write(try read(clinic) + "\n\(text)\n", to: clinic)
    }

    /// The inode of `path` (the root's path prepended when relative), not following a link; `nil` when there is nothing.
    func inode(_ path: String) -> UInt64? {
        var status = stat()
        return lstat(path.hasPrefix("/") ? path : "\(root)/\(path)", &status) == 0 ? UInt64(status.st_ino) : nil
    }

    /// Whether `path` (relative to the root) is a folder itself, not a link to one.
    func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat("\(root)/\(path)", &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Rewrites the file at `path` in place with `old` replaced by `new` and
    /// cut to its size, and sets its times back: only its status-change time tells.
    /// - Returns: the text it held.
    func rewriteUnseen(_ path: String, replacing old: String, with new: String) throws -> String {
        let full = "\(root)/\(path)"
        var status = stat()
        try #require(lstat(full, &status) == 0)
        let text = try String(contentsOfFile: full, encoding: .utf8)
        try String(decoding: Array(text.replacingOccurrences(of: old, with: new).utf8).prefix(text.utf8.count), as: UTF8.self)
            .write(toFile: full, atomically: false, encoding: .utf8)
        var times = [status.st_atim, status.st_mtim]
        try #require(utimensat(AT_FDCWD, full, &times, 0) == 0)
        return text
    }

    /// Every file under `folder` (relative to the root), by path relative to it; a link is recorded as `link -> target`.
    func tree(_ folder: String) -> [String: Data] {
        let base = "\(root)/\(folder)"
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: base)! {
            var status = stat()
            guard lstat("\(base)/\(path)", &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: files[path] = FileManager.default.contents(atPath: "\(base)/\(path)")
            default: files[path] = Data("link -> \((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(base)/\(path)")) ?? "?")".utf8)
            }
        }
        return files
    }

    /// The output in `dist/` is byte for byte the output of a build into an empty folder, without a single link.
    func expectSameAsAFreshBuild(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = try run(["build", "--output", "fresh"])
        #expect(fresh.status == 0, "\(fresh.error)", sourceLocation: sourceLocation)
        let kept = tree("dist")
        let made = tree("fresh")
        #expect(kept.keys.sorted() == made.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in made where kept[path] != bytes {
            Issue.record("\(path) differs from a build into an empty folder", sourceLocation: sourceLocation)
        }
    }
}
