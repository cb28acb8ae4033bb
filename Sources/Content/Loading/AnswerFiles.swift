import Foundation

/// Which files are answers: `answers/province/*.md` and `answers/<abbr>/*.md`
/// for a city of portal.yml, nothing hidden, nothing outside the folder.
/// One rule for the build and for `moderate`.
package enum AnswerFiles {
    /// The answer files under `root` (`answers/`) with their scope, sorted;
    /// anything else there is reported in `issues`.
    /// - Parameter stamps: stamps taken before this load, if any.
    static func find(in root: String, province: Province, issues: inout [ContentIssue],
                     stamps: AnswerFileCache.Reading? = nil) -> [(path: String, scope: Scope)] {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root) else {
            issues.append(ContentIssue(file: root, line: nil, message: "The answers folder is missing.",
                                       fix: "Create it with a `province` folder and one folder per city abbreviation."))
            return []
        }
        let abbreviations = Set(province.cities.map(\.abbr))
        var files: [(path: String, scope: Scope)] = []
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            if let issue = unnamable("\(root)/\(folder)") {
                issues.append(issue)
                continue
            }
            let scope: Scope
            if folder == "province" {
                scope = .province
            } else if abbreviations.contains(folder) {
                scope = .city(folder)
            } else {
                issues.append(ContentIssue(file: "\(root)/\(folder)", line: nil,
                                           message: "No city in portal.yml has the abbreviation `\(folder)`.",
                                           fix: "Rename the folder to a city abbreviation (\(province.cities.map(\.abbr).joined(separator: ", "))) or add the city to portal.yml."))
                continue
            }
            if let issue = FolderBoundary.issue(for: "\(root)/\(folder)", inside: root, what: "answers folder") {
                issues.append(issue)
                continue
            }
            // A link inside `answers/` (`yc -> nj`) would publish the answers of the folder it leads to on this
            // scope's site too, as this scope's, moderated with this scope's contacts.
            if FileStamp(path: "\(root)/\(folder)")?.isFolder == false, FileStamp(following: "\(root)/\(folder)")?.isFolder == true {
                issues.append(ContentIssue(file: "\(root)/\(folder)", line: nil,
                                           message: "This folder is a symbolic link, to \(RealPath.of("\(root)/\(folder)")): the answers there would also be published as `\(folder)`'s.",
                                           fix: "Replace the link with a folder of `\(folder)`'s own answers, or remove it."))
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = "\(root)/\(folder)/\(name)"
                if let issue = unnamable(path) {
                    issues.append(issue)
                    continue
                }
                // A regular file (never a link, by lstat) in a folder that was just found inside stays inside: no need to resolve it.
                let plainFile = (stamps?.stamp(of: path) ?? FileStamp(path: path))?.isFile == true
                if !plainFile, let issue = FolderBoundary.issue(for: path, inside: "\(root)/\(folder)", what: "answer") {
                    issues.append(issue)
                } else if name.hasSuffix(".md") {
                    files.append((path, scope))
                } else {
                    issues.append(ContentIssue(file: path, line: nil, message: "This is not a Markdown answer.",
                                               fix: "Answers are `.md` files; move other files out of the answers folder."))
                }
            }
        }
        return files
    }

    /// Every file the build moderates in the content folder `directory`: the
    /// answers, then the media transcripts (`media/*.txt`), sorted.
    /// - Throws: ``ContentErrors`` when portal.yml cannot be read or the answers folder holds something else.
    package static func moderated(inContent directory: String) throws(ContentErrors) -> [String] {
        let province = try ProvinceLoader.load(file: directory + "/portal.yml")
        var issues: [ContentIssue] = []
        let answers = find(in: directory + "/answers", province: province, issues: &issues).map(\.path)
        try ContentErrors.check(issues)
        let media = directory + "/media"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: media)) ?? []
        let transcripts = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted().map { "\(media)/\($0)" }
        try ContentErrors.check(transcripts.compactMap(unnamable))
        return answers + transcripts
    }

    /// An issue for a path listed with a name that is not UTF-8: it is listed with U+FFFD in place of the bytes
    /// that are not, so it names another file (`bad\u{FFFD}.md` beside `bad\xFF.md`) or none, and the file itself
    /// would be read under the other's name, or never. A name that really holds U+FFFD is refused too.
    package static func unnamable(_ path: String) -> ContentIssue? {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return nil }
        return ContentIssue(file: path, line: nil, message: "The name of this file or folder is not valid UTF-8 text, so it cannot be read by its name.",
                            fix: "Rename it, with Chinese or Latin letters, digits and hyphens.")
    }

    /// The files `arguments` name: a file as given; a folder, every `.md` and
    /// `.txt` file below it, sorted (so `moderate Content/answers` needs no
    /// shell to list thousands of files).
    package static func expanding(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else { return [argument] }
            var files: [String] = []
            collect(below: argument.hasSuffix("/") ? String(argument.dropLast()) : argument, into: &files, depth: 0)
            return files.sorted()
        }
    }

    /// The `.md` and `.txt` files below `folder`, hidden ones left out. A link to a folder inside, and a folder
    /// deeper than 256, are named as they are, so that reading them refuses them by name: they were passed over
    /// (a city's folder linked to another city's went unnamed; `build` refuses such a link too), and
    /// following links could loop.
    private static func collect(below folder: String, into files: inout [String], depth: Int) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            guard let stamp = FileStamp(path: path) else { continue }
            if stamp.isFolder {
                if depth < 256 { collect(below: path, into: &files, depth: depth + 1) } else { files.append(path) }
            } else if !stamp.isFile, FileStamp(following: path)?.isFolder == true {
                files.append(path)
            } else if name.hasSuffix(".md") || name.hasSuffix(".txt") {
                files.append(path)
            }
        }
    }
}
