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
    let library: MustacheLibrary

    static func load(directory: String) async throws(ContentErrors) -> TemplateSet {
        let library = try MustacheLibrary(templates: parse(directory: directory))
        let missing = (required + siteChrome).filter { library.getTemplate(named: $0) == nil }
        try ContentErrors.check(missing.map {
            ContentIssue(file: "\(directory)/\($0).mustache", line: nil, message: "The template `\($0)` is missing.",
                         fix: "Every theme needs \((required + siteChrome).map { "\($0).mustache" }.joined(separator: ", ")).")
        })
        let check = TemplateKeyCheck(directory: directory, prerendered: Set(siteChrome))
        try ContentErrors.check(ThemeContract.pages.flatMap { check.issues(in: $0.name, schema: $0.schema) }
            + siteChrome.flatMap { check.issues(in: $0, schema: SiteValues.schema) })
        var pages = library
        for name in siteChrome {
            guard let original = library.getTemplate(named: name),
                let standIn = try? MustacheTemplate(string: "{{{\(chromeKey(name))}}}")
            else { continue }
            pages.register(original, named: "site-\(name)")
            pages.register(standIn, named: name)
        }
        return TemplateSet(directory: directory, library: pages)
    }

    /// Every `.mustache` file under `directory`, by its path without the
    /// extension, each read with ``PageEscaping`` (the pragma it is given
    /// first, on a line of its own, is not counted in the lines reported).
    private static func parse(directory: String) throws(ContentErrors) -> [String: MustacheTemplate] {
        _ = PageEscaping.registered
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw ContentErrors([ContentIssue(file: directory, line: nil, message: "The templates folder cannot be read.",
                                              fix: "Check that the templates folder exists and can be read.")])
        }
        var templates: [String: MustacheTemplate] = [:]
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: root + path) else { continue }
            do {
                templates[String(path.dropLast(".mustache".count))] =
                    try MustacheTemplate(string: PageEscaping.pragma + String(decoding: data, as: UTF8.self))
            } catch let error as MustacheTemplate.ParserError {
                throw ContentErrors([ContentIssue(
                    file: root + path, line: max(1, error.context.lineNumber - 1),
                    message: "The template cannot be read (\(error.error)) near `\(error.context.line.trimmingCharacters(in: .whitespaces))`.",
                    fix: "Check that every {{#section}} has its {{/section}} and every tag is closed.")])
            } catch {
                throw ContentErrors([ContentIssue(file: root + path, line: nil, message: "The template cannot be read: \(error).",
                                                  fix: "Check the templates folder.")])
            }
        }
        return templates
    }

    /// The page value that holds a site chrome partial's pre-rendered HTML.
    static func chromeKey(_ partial: String) -> String { "prerendered-\(partial)" }

    /// Renders a page; templates were checked to exist, and to use only names of their values, when loading.
    func render<Body>(_ template: PageTemplate<Body>, _ context: PageContext<Body>) -> String {
        library.render(context, withTemplate: template.name) ?? ""
    }

    /// Renders one of the ``siteChrome`` partials as the theme wrote it.
    func renderChrome(_ partial: String, _ context: SiteValues) -> String {
        library.render(context, withTemplate: "site-\(partial)") ?? ""
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
