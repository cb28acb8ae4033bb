import Foundation

/// Everything the content folder holds, loaded and validated.
public struct Content: Sendable {
    public let directory: String
    public let province: Province
    /// Every answer, private ones included, sorted by scope then id.
    public let answers: [Answer]
    /// The transcripts of the media files answers present, by file name.
    public let transcripts: [Answer]
}

/// Loads a content folder; every problem of every file is reported together.
public enum ContentLoader {
    public static func load(directory: String) throws(ContentErrors) -> Content {
        let province = try ProvinceLoader.load(file: directory + "/portal.yml")
        var issues: [ContentIssue] = []
        let files = answerFiles(in: directory + "/answers", province: province, issues: &issues)
        let results = files.concurrentMap { AnswerLoader.load(file: $0.path, scope: $0.scope, province: province) }
        var answers: [Answer] = []
        for result in results {
            switch result {
            case .success(let answer): answers.append(answer)
            case .failure(let errors): issues += errors.issues
            }
        }
        answers.sort { ($0.scope, $0.id) < ($1.scope, $1.id) }
        issues += crossCheck(answers)
        let transcripts = MediaLoader.transcripts(for: answers, directory: directory + "/media", issues: &issues)
        try ContentErrors.check(issues)
        return Content(directory: directory, province: province, answers: answers, transcripts: transcripts)
    }

    private static func answerFiles(in root: String, province: Province,
                                    issues: inout [ContentIssue]) -> [(path: String, scope: Scope)] {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root) else {
            issues.append(ContentIssue(file: root, line: nil, message: "The answers folder is missing.",
                                       fix: "Create it with a `province` folder and one folder per city abbreviation."))
            return []
        }
        let abbreviations = Set(province.cities.map(\.abbr))
        var files: [(path: String, scope: Scope)] = []
        for folder in folders.sorted() where !folder.hasPrefix(".") {
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
            let names = (try? manager.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = "\(root)/\(folder)/\(name)"
                if let issue = FolderBoundary.issue(for: path, inside: "\(root)/\(folder)", what: "answer") {
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

    /// Checks that need all answers: unique ids per scope, overrides, id clashes on a city site.
    private static func crossCheck(_ answers: [Answer]) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        var firstFile: [String: String] = [:]
        for answer in answers {
            let key = answer.reference
            if let other = firstFile[key] {
                issues.append(ContentIssue(file: answer.file, line: answer.keyLines["id"],
                                           message: "The id `\(answer.id)` is already used by \(other).",
                                           fix: "Give this answer an id of its own within `\(answer.scope)`."))
            } else {
                firstFile[key] = answer.file
            }
        }
        let provincial = Set(answers.filter { $0.scope == .province }.map(\.id))
        for answer in answers where answer.scope != .province {
            if let target = answer.overrides, !provincial.contains(target) {
                issues.append(ContentIssue(file: answer.file, line: answer.keyLines["overrides"],
                                           message: "`overrides: \(target)` names no provincial answer.",
                                           fix: "Use the id of an answer in answers/province, or remove `overrides:`."))
            }
            if provincial.contains(answer.id), answer.overrides != answer.id {
                issues.append(ContentIssue(file: answer.file, line: answer.keyLines["id"],
                                           message: "The id `\(answer.id)` is also a provincial answer's id, so both would have the same address.",
                                           fix: "Rename this answer, or add `overrides: \(answer.id)` if it replaces the provincial one."))
            }
        }
        return issues
    }
}
