import Content
import Foundation
import Moderation

/// The scope `moderate` gives each file it scans, as `build` would give it: the
/// folder of the content's `answers/` it lies in, one level down
/// (`answers/nj/x.md` is Nanjing's, `answers/province/x.md` the province's),
/// which says whose published numbers it may show. Found twice: in the path
/// as written (`.` and `..` taken as written, the way `build` names its
/// folders) and as the file system resolves it (links followed, the file
/// itself too when it is a link). Where the two disagree (a folder or file
/// linked from another scope), or the file lies in no such folder, it has no
/// scope of its own: only the province's numbers pass, the strictest.
struct FileScopes: Sendable {
    /// Each folder's scope with its name in the memory, made once a folder (an `NSString` path and an enum
    /// description for each of 13,500 files were a fifth of a run the memory answered).
    private let folders: [Substring: Scoped]
    private let answers: (written: [String], resolved: [String])?

    struct Scoped: Sendable {
        let scope: Scope
        let name: String

        init(_ scope: Scope) {
            self.scope = scope
            name = "\(scope)"
        }
    }

    private static let none = Scoped(.media)

    /// - Parameter answers: the content's answers folder; without one no file has a scope of its own.
    init(files: [String], answers: String?) {
        let here = FileManager.default.currentDirectoryPath
        let answers = answers.map { (written: Self.written($0, in: here), resolved: Self.parts(of: RealPath.of($0))) }
        self.answers = answers
        folders = Dictionary(uniqueKeysWithValues: Array(Set(files.map(Self.folder(of:)))).concurrentMap { folder in
            let path = folder.isEmpty ? "." : String(folder)
            let written = Self.scope(of: Self.written(path, in: here), below: answers?.written)
            let resolved = Self.scope(of: Self.parts(of: RealPath.of(path)), below: answers?.resolved)
            return (folder, written != nil && written == resolved ? Scoped(written!) : Self.none)
        })
    }

    /// The scope of `file`, one of the files given.
    func scope(of file: String) -> Scoped {
        let scoped = folders[Self.folder(of: file)] ?? Self.none
        // A file that is a link (`lstat`): the folder it leads to must agree too.
        guard scoped.scope != .media, FileStamp(path: file)?.isFile != true else { return scoped }
        let target = Self.scope(of: Array(Self.parts(of: RealPath.of(file)).dropLast()), below: answers?.resolved)
        return target == scoped.scope ? scoped : Self.none
    }

    /// The scope of a folder `answers` holds directly, by name; `nil` for any other folder.
    private static func scope(of folder: [String], below answers: [String]?) -> Scope? {
        guard let answers, folder.count == answers.count + 1, folder.starts(with: answers) else { return nil }
        return folder[answers.count] == "province" ? .province : .city(folder[answers.count])
    }

    /// `path`'s parts as written, from the root: `.` dropped, `..` taking away the part before it.
    private static func written(_ path: String, in folder: String) -> [String] {
        var parts: [String] = []
        for part in Self.parts(of: path.hasPrefix("/") ? path : folder + "/" + path) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts
    }

    private static func parts(of path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    /// The folder part of a file's path: up to its last slash (`/` for a file at the root, nothing for a bare name).
    private static func folder(of file: String) -> Substring {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == file.startIndex ? "/" : file[..<slash]
    }
}
