import Foundation

/// Loads a content folder; every problem of every file is reported together.
package enum ContentLoader {
    /// - Parameter cache: answers loaded before, for a process that loads the same content again (the preview).
    /// - Parameter cities: the abbreviations of the cities to load (`build --city`), or empty for all. The
    ///   answers of the other cities are read only to warn of their problems (``ProvinceContent/otherCitiesIssues``).
    package static func load(directory: String, cache: AnswerFileCache? = nil, cities: Set<String> = []) throws(ContentErrors) -> ProvinceContent {
        // portal.yml is hashed before it is read: an edit racing the read makes the next load start afresh.
        cache?.use(provinceFile: directory + "/portal.yml")
        let province = try ProvinceLoader.load(file: directory + "/portal.yml")
        var issues: [ContentIssue] = []
        let reading = cache?.reading()
        let files = AnswerFiles.find(in: directory + "/answers", province: province, issues: &issues, stamps: reading)
        // Problems found in the folders themselves, looked for on every load.
        let foundInFolders = issues.count
        // Another city's answers, in a `--city` load, are checked as far as their front matter, to warn.
        let otherCities = cities.isEmpty ? [] : Set(province.cities.map(\.abbr)).subtracting(cities)
        let isOtherCity = { @Sendable (scope: Scope) in
            if case .city(let abbr) = scope { otherCities.contains(abbr) } else { false }
        }
        var answers: [Answer] = []
        let collect = { (results: [Result<Answer, ContentErrors>]) in
            for result in results {
                switch result {
                case .success(let answer): answers.append(answer)
                case .failure(let errors): issues += errors.issues
                }
            }
        }
        collect(files.filter { !isOtherCity($0.scope) }.concurrentMap { file in
            reading?.load(file: file.path, scope: file.scope, province: province)
                ?? AnswerLoader.load(file: file.path, scope: file.scope, province: province)
        })
        // Each city's check is keyed by its files' stamps and the provincial answers it is checked against: another
        // city whose key is its kept check's is not read again (not even from the memory's fronts).
        let checks = cache?.keepingChecks == true ? cache : nil
        checks?.forgetChecks(except: Set(province.cities.map(\.abbr)))
        let keys: [String: String?] = checks.map { checks in
            let provincial = answers.filter { $0.scope == .province }
            let byScope = Dictionary(grouping: files, by: \.scope)
            return Dictionary(uniqueKeysWithValues: province.cities.map(\.abbr).map { abbr in
                (abbr, CityCheck.key(files: (byScope[.city(abbr)] ?? []).map { ($0.path, reading?.stamp(of: $0.path)) },
                                     province: checks.provinceHash, provincial: provincial))
            })
        } ?? [:]
        let checked = otherCities.filter { abbr in keys[abbr].flatMap { $0 }.map { checks?.check(of: abbr)?.key == $0 } ?? false }
        let toCheck = otherCities.subtracting(checked)
        cache?.materializeFronts(of: Set(toCheck.map(Scope.city)))
        let checking = cache?.reading()
        collect(files.filter { if case .city(let abbr) = $0.scope { toCheck.contains(abbr) } else { false } }.concurrentMap { file in
            // Another city's answer is only checked, as far as its front matter (its text is not read now):
            // as the cache kept it, or else read for its front matter alone, which the cache keeps as a front.
            checking?.loadFront(file: file.path, scope: file.scope, province: province)
                ?? AnswerLoader.load(file: file.path, scope: file.scope, province: province, frontMatterOnly: true)
        })
        cache?.finish(keeping: Set(files.map(\.path)))
        answers.sort { ($0.scope, $0.id) < ($1.scope, $1.id) }
        issues += crossCheck(answers)
        // Each city read now is checked now: what was found in its folder (by the answers read, and against each other
        // and the province's), for the next load that only checks it.
        let folder = { (abbr: String) in "\(directory)/answers/\(abbr)" }
        for abbr in province.cities.map(\.abbr) where !checked.contains(abbr) {
            guard let checks, let key = keys[abbr].flatMap({ $0 }) else { continue }
            checks.record(CityCheck(key: key, issues: issues[foundInFolders...].filter { PathText.isInside($0.file, folder(abbr)) }), of: abbr)
        }
        // Answers only ever concern their own city and the province: another city's problems are its own.
        // By place: a link or a stray file in another city's folder is that city's problem too.
        let otherFolders = otherCities.map(folder)
        let inOtherCity = { (file: String) in otherFolders.contains { PathText.isInside(file, $0) } }
        let keptChecks = checked.flatMap { abbr in checks?.check(of: abbr)?.issues ?? [] }
        // In the order of their files and lines, whether found now or kept.
        let otherCitiesIssues = (issues.filter { inOtherCity($0.file) } + keptChecks).map(\.asWarning).enumerated().sorted { first, second in
            let (one, other) = (first.element, second.element)
            guard one.file == other.file else { return PathText.precedesInBytes(one.file, other.file) }
            return (one.line ?? 0, first.offset) < (other.line ?? 0, second.offset)
        }.map(\.element)
        issues.removeAll { inOtherCity($0.file) }
        answers.removeAll { isOtherCity($0.scope) }
        let transcripts = MediaLoader.transcripts(for: answers, directory: directory + "/media", issues: &issues)
        var contacts = ContactDirectory.empty
        do throws(ContentErrors) {
            contacts = try ContactDirectoryLoader.load(contentDirectory: directory, province: province)
        } catch {
            issues += error.issues
        }
        let statements = privacyStatements(of: province, directory: directory, issues: &issues)
        let synonyms = SynonymLoader.load(file: SynonymLoader.file(directory), contentDirectory: directory, issues: &issues)
        try ContentErrors.check(issues)
        return ProvinceContent(directory: directory, province: province, answers: answers, transcripts: transcripts, contacts: contacts,
                               privacyStatements: statements, synonyms: synonyms, otherCitiesIssues: otherCitiesIssues)
    }

    /// Every privacy statement a site links, read once.
    private static func privacyStatements(of province: Province, directory: String,
                                          issues: inout [ContentIssue]) -> [String: PrivacyStatement] {
        let paths = Set(([nil] + province.openedCities).compactMap { province.registration(of: $0).privacy })
        var statements: [String: PrivacyStatement] = [:]
        for path in paths.sorted() {
            let file = directory + "/" + path
            do {
                statements[path] = PrivacyStatement(path: path, file: file, source: try TextFile.read(file))
            } catch {
                issues.append(error)
            }
        }
        return statements
    }

    /// Checks that need all answers: unique ids per scope, overrides, id clashes on a city site, links. The links'
    /// check on a core of its own: the preview runs all of them on every save, over every answer of the province.
    private static func crossCheck(_ answers: [Answer]) -> [ContentIssue] {
        let checks: [@Sendable () -> [ContentIssue]] = [{ idIssues(answers) + overrideIssues(answers) }, { linkIssues(answers) }]
        return checks.concurrentMap { $0() }.flatMap(\.self)
    }

    /// Unique ids per scope; an override names a provincial answer, and a city answer with a provincial one's id overrides it.
    private static func idIssues(_ answers: [Answer]) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        var firstFile: [String: String] = [:]
        firstFile.reserveCapacity(answers.count)
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

    /// An override must replace a public provincial answer, and one city
    /// replaces each provincial answer at most once.
    private static func overrideIssues(_ answers: [Answer]) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        let privateProvincial = Set(answers.filter { $0.scope == .province && $0.visibility == .private }.map(\.id))
        var firstOverride: [String: Answer] = [:]
        for answer in answers where answer.scope != .province && answer.visibility == .public {
            guard let target = answer.overrides else { continue }
            if privateProvincial.contains(target) {
                issues.append(ContentIssue(file: answer.file, line: answer.keyLines["overrides"],
                                           message: "`overrides: \(target)` names a private provincial reply, which is never published.",
                                           fix: "Remove `overrides:`; only public provincial answers can be replaced."))
            }
            let key = "\(answer.scope)/\(target)"
            if let other = firstOverride[key] {
                issues.append(ContentIssue(file: answer.file, line: answer.keyLines["overrides"],
                                           message: "`\(other.reference)` already replaces the provincial answer `\(target)` on this city's site.",
                                           fix: "Keep one city answer with `overrides: \(target)`; merge the other into it."))
            } else {
                firstOverride[key] = answer
            }
        }
        return issues
    }

    /// Each `answer:<id>` link of a public answer must name a public answer
    /// that stands on every site the linking answer stands on: a city answer
    /// may link its own city's answers and provincial ones; a provincial
    /// answer, shown on every city's site, only provincial ones. Checked for
    /// every public answer, approved or not.
    package static func linkIssues(_ answers: [Answer], checking checked: [Answer]? = nil) -> [ContentIssue] {
        var visibility: [AnswerKey: Answer.Visibility] = [:]
        visibility.reserveCapacity(answers.count)
        for answer in answers {
            visibility[AnswerKey(scope: answer.scope, id: answer.id)] = answer.visibility
        }
        var issues: [ContentIssue] = []
        for answer in checked ?? answers where answer.visibility == .public {
            for link in answer.answerLinks {
                let own = visibility[AnswerKey(scope: answer.scope, id: link.id)]
                let provincial = visibility[AnswerKey(scope: .province, id: link.id)]
                if own == .public || provincial == .public { continue }
                let message: String
                if own != nil || provincial != nil {
                    message = "The link `answer:\(link.id)` names a private reply, which is never published."
                } else if let other = answers.first(where: { $0.id == link.id })?.scope {
                    message = answer.scope == .province
                        ? "The link `answer:\(link.id)` names an answer of `\(other)`, but this provincial answer is on every city's site."
                        : "The link `answer:\(link.id)` names an answer of `\(other)`, which is not on this city's site."
                } else {
                    message = "The link `answer:\(link.id)` names no answer."
                }
                issues.append(ContentIssue(file: answer.file, line: link.line, message: message,
                                           fix: "Use the id of a public answer of this city or of the province, or remove the link."))
            }
        }
        return issues
    }

    /// An answer's scope and id, as a dictionary key without building `scope/id` strings.
    private struct AnswerKey: Hashable {
        let scope: Scope
        let id: String
    }
}
