import Foundation
import Testing

/// Edits that make a site again, and what a build left in a folder of the province copy, to compare outputs.
extension SampleProvinceCopy {
    /// An edit of a Nanjing answer (`nj-clinic`): the Nanjing site must be made again, the others may be kept.
    func editNanjingAnswer(adding text: String = "门诊时间有调整。") throws {
        let clinic = "Content/answers/nj/nj-clinic.md"
        try write(try read(clinic) + "\n\(text)\n", to: clinic)
    }

    /// What `lstat` says of `path` (relative to the root, or absolute); `nil` when there is nothing.
    /// (FileManager's attributes: `struct stat` fields do not compile everywhere under MemberImportVisibility.)
    private func attributes(_ path: String) -> [FileAttributeKey: Any]? {
        try? FileManager.default.attributesOfItem(atPath: path.hasPrefix("/") ? path : "\(root)/\(path)")
    }

    /// The inode of `path` (relative to the root, or absolute), not following a link; `nil` when there is nothing.
    func inode(_ path: String) -> UInt64? {
        (attributes(path)?[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    /// Whether `path` (relative to the root) is a folder itself, not a link to one.
    func isFolder(_ path: String) -> Bool {
        attributes(path)?[.type] as? FileAttributeType == .typeDirectory
    }

    /// Rewrites the file at `path` in place with `old` replaced by `new` and
    /// cut to its size, and sets its times back (`touch -r`, to the
    /// nanosecond): only its status-change time tells.
    /// - Returns: the text it held.
    func rewriteUnseen(_ path: String, replacing old: String, with new: String) throws -> String {
        let full = "\(root)/\(path)"
        let times = "\(root)/times-of-rewritten-file"
        try tool("/bin/cp", ["-p", full, times])
        let text = try String(contentsOfFile: full, encoding: .utf8)
        try String(decoding: Array(text.replacingOccurrences(of: old, with: new).utf8).prefix(text.utf8.count), as: UTF8.self)
            .write(toFile: full, atomically: false, encoding: .utf8)
        try tool("/usr/bin/touch", ["-r", times, full])
        return text
    }

    /// Every path under `folder` (relative to the root) as the bytes it is (`find -print0`: not every name is UTF-8).
    func paths(under folder: String) throws -> [[UInt8]] {
        try tool("/usr/bin/find", ["\(root)/\(folder)", "-print0"]).split(separator: 0).map(Array.init)
    }

    /// Paths under `folder` that others may write, or that are not the user's (`find ! -user … -o -perm /022`).
    func writableByOthers(under folder: String) throws -> [String] {
        let found = try tool("/usr/bin/find", ["\(root)/\(folder)", "(", "!", "-uid", "\(getuid())", "-o", "-perm", "/022", ")", "-print"])
        return String(decoding: found, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @discardableResult
    private func tool(_ path: String, _ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(path) \(arguments) failed")
        return bytes
    }

    /// Every file under `folder` (relative to the root), by path relative to it; a link is recorded as `link -> target`.
    func tree(_ folder: String) -> [String: Data] {
        let base = "\(root)/\(folder)"
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: base)! {
            switch attributes("\(base)/\(path)")?[.type] as? FileAttributeType {
            case .typeDirectory?: continue
            case .typeRegular?: files[path] = FileManager.default.contents(atPath: "\(base)/\(path)")
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
