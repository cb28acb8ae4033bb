import Content
import Foundation
import Mustache

/// The theme: Mustache templates and partials plus static assets.
struct TemplateSet: Sendable {
    /// Pages every theme must provide.
    static let required = ThemeContract.pages.map(\.name)

    /// Partials that depend only on the site (and, for the header, on the
    /// current category): rendered once per site, then inserted into every page.
    static let siteChrome = ThemeContract.siteChrome

    let directory: String
    /// Every template and partial by its path without the extension; the site chrome partials
    /// as stand-ins that write the pre-rendered HTML.
    private let templates: [String: [TemplateNode]]
    /// The site chrome partials as the theme wrote them, apart from ``templates``: no file of the theme,
    /// whatever its name, can stand in for one (the check would judge that file, the build render the other).
    private let chrome: [String: [TemplateNode]]

    static func load(directory: String) async throws(ContentErrors) -> TemplateSet {
        let sources = try sources(directory: directory)
        let missing = (required + siteChrome).filter { sources[$0] == nil }
        try ContentErrors.check(missing.map {
            ContentIssue(file: "\(directory)/\($0).mustache", line: nil, message: "The template `\($0)` is missing.",
                         fix: "Every theme needs \((required + siteChrome).map { "\($0).mustache" }.joined(separator: ", ")).")
        })
        let readings = sources.mapValues(TemplateParser.read)
        let check = TemplateKeyCheck(directory: directory, templates: readings, prerendered: Set(siteChrome))
        try ContentErrors.check(ThemeContract.pages.flatMap { check.issues(in: $0.name, schema: $0.schema) }
            + siteChrome.flatMap { check.issues(in: $0, schema: SiteValues.schema) })
        // What the check passed was read whole (a refused tag is an issue); a template no page uses may be left unread.
        var templates = readings.compactMapValues(\.nodes)
        var chrome: [String: [TemplateNode]] = [:]
        for name in siteChrome {
            chrome[name] = templates[name]
            templates[name] = [.value(TemplatePath(chromeKey(name)), escaped: false)]
        }
        return TemplateSet(directory: directory, templates: templates, chrome: chrome)
    }

    /// The text of every `.mustache` file under `directory`, by its path without the extension,
    /// each one first read by swift-mustache, whose errors name the line.
    private static func sources(directory: String) throws(ContentErrors) -> [String: String] {
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw ContentErrors([ContentIssue(file: directory, line: nil, message: "The templates folder cannot be read.",
                                              fix: "Check that the templates folder exists and can be read.")])
        }
        var sources: [String: String] = [:]
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            // A template linked to a file outside the theme would publish that file's text.
            if let issue = FolderBoundary.issue(for: root + path, inside: directory, what: "template") { throw ContentErrors([issue]) }
            // A regular file only, read as the build reads its own files (`RegularFile`: a pipe or a device is not waited on).
            guard let bytes = RegularFile.bytes(root + path) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if let issue = TemplateParser.bounds(of: text, file: root + path) { throw ContentErrors([issue]) }
            do {
                _ = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw ContentErrors([ContentIssue(
                    file: root + path, line: error.context.lineNumber,
                    message: "The template cannot be read (\(error.error)) near `\(error.context.line.trimmingCharacters(in: .whitespaces))`.",
                    fix: "Check that every {{#section}} has its {{/section}} and every tag is closed.")])
            } catch {
                throw ContentErrors([ContentIssue(file: root + path, line: nil, message: "The template cannot be read: \(error).",
                                                  fix: "Check the templates folder.")])
            }
            sources[String(path.dropLast(".mustache".count))] = text
        }
        return sources
    }

    /// The page value that holds a site chrome partial's pre-rendered HTML.
    static func chromeKey(_ partial: String) -> String { "prerendered-\(partial)" }

    /// Renders a page; templates were checked to exist, and to use only names of their values, when loading.
    func render<Body>(_ template: PageTemplate<Body>, _ context: PageContext<Body>) -> [UInt8] {
        var rendering = TemplateRendering(templates: templates, values: context)
        rendering.render(template.name)
        return rendering.bytes
    }

    /// Renders one of the ``siteChrome`` partials as the theme wrote it.
    func renderChrome(_ partial: String, _ context: SiteValues) -> String {
        var rendering = TemplateRendering(templates: templates, values: context)
        rendering.render(chrome[partial] ?? [])
        return String(decoding: rendering.bytes, as: UTF8.self)
    }

    /// Files under `assets/`, relative paths sorted.
    func assetFiles() -> [String] {
        let root = directory + "/assets"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { !$0.hasPrefix(".") && !isDirectory(root + "/" + $0) }
            .sorted()
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
