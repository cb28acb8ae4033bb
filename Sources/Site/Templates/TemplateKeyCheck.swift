import Content
import Foundation

/// Refuses a theme whose templates name something their pages do not have,
/// or use a name the wrong way. Mustache renders an unknown name as empty
/// text: a mistyped `{{hotlne}}` would silently drop the hotline from every
/// page, `{{> foter}}` the footer, `{{{title}}}` would write an editor's text
/// unescaped. The check follows the sections as Mustache does — a name is
/// looked up in the innermost open section's values, then outwards — and
/// into partials.
struct TemplateKeyCheck {
    let directory: String
    /// Every template of the theme by name, as ``TemplateParser`` read it: the tags checked are the ones rendered.
    let templates: [String: TemplateParser.Reading]
    /// Partials the pages do not render themselves (the site's header and footer, rendered once per site).
    let prerendered: Set<String>

    /// Partials nested deeper than this are refused (a theme needs two or three).
    static let deepestPartial = 8
    /// A page may include partials this many times in all, no more (the project's theme: four). Each inclusion
    /// is checked, and rendered, in full: eight partials each including the next twenty times took the check
    /// minutes, and would have made pages of gigabytes.
    static let mostInclusions = 500

    /// Every problem in `template` and the partials it includes, where the outermost values are `schema`.
    func issues(in template: String, schema: TemplateSchema) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        var inclusions = 0
        check(template, stack: [schema], including: [], into: &issues, inclusions: &inclusions)
        return issues
    }

    private func check(_ template: String, stack outer: [TemplateSchema], including chain: [String], into issues: inout [ContentIssue],
                       inclusions: inout Int) {
        let file = "\(directory)/\(template).mustache"
        guard let reading = templates[template] else {
            issues.append(ContentIssue(file: chain.last.map { "\(directory)/\($0).mustache" } ?? file, line: nil,
                                       message: "The partial `\(template)` does not exist: it would render as nothing.",
                                       fix: "Create \(file) or correct the name in `{{> \(template)}}`."))
            return
        }
        var stack = outer
        for tag in reading.tags {
            func report(_ message: String, _ fix: String) { issues.append(ContentIssue(file: file, line: tag.line, message: message, fix: fix)) }
            switch tag.kind {
            case .comment:
                continue
            case .unsupported:
                report("The template cannot be used here: \(tag.name) (changed delimiters, inheritance, a partial chosen by a value or a pragma are not read).",
                       "Use plain tags, sections and named partials: the build checks every name a template uses, and reads only those.")
                return
            case .partial where tag.unsafePlace != nil, .value where tag.unsafePlace != nil:
                report("`\(tag.kind == .partial ? "{{> \(tag.name)}}" : "{{\(tag.name)}}")` stands \(tag.unsafePlace ?? ""): escaped text there can still add attributes, or run as script.",
                       "Write values between tags or inside an attribute's quotes, e.g. `title=\"{{\(tag.name)}}\"`, and partials between tags.")
            case .partial:
                if prerendered.contains(tag.name) { continue }
                if tag.name == template || chain.contains(tag.name) {
                    report("The partial `\(tag.name)` includes itself (\((chain + [template, tag.name]).joined(separator: " → "))): its page would never finish.",
                           "Remove `{{> \(tag.name)}}` from \(template).mustache, or write what it should repeat in a section.")
                    continue
                }
                if chain.count >= Self.deepestPartial {
                    report("Partials are nested more than \(Self.deepestPartial) deep here.", "Include `\(tag.name)` from a shallower template.")
                    continue
                }
                inclusions += 1
                if inclusions > Self.mostInclusions {
                    // Said once; every template still open stops there.
                    if inclusions == Self.mostInclusions + 1 { report("A page made from \(chain.first ?? template).mustache includes partials more than \(Self.mostInclusions) times in all.",
                           "Include each partial once and repeat with a section over a list.") }
                    return
                }
                check(tag.name, stack: stack, including: chain + [template], into: &issues, inclusions: &inclusions)
            case .close:
                if stack.count > 1 { stack.removeLast() }
            case .section where tag.name == ".", .invertedSection where tag.name == ".":
                // The item itself, as `answer-list` opens each answer of a list.
                stack.append(tag.kind == .section ? stack.last ?? .nothing : .nothing)
            case .section, .invertedSection:
                let found = Self.resolve(tag.name, in: stack)
                if found == nil { issues.append(unknown(tag, in: file, stack: stack)) }
                if tag.kind == .invertedSection {
                    stack.append(.nothing)
                } else if case .section(let inside)? = found?.use {
                    stack.append(inside)
                } else {
                    // A condition: the names around stay.
                    stack.append(.nothing)
                }
            case .value, .unescapedValue:
                if tag.name == "." {
                    if stack.last?.listsValues != true {
                        report("`{{.}}` stands outside a list of plain values: it would write a whole object.",
                               "Use `{{.}}` only inside a section over a list of texts, e.g. `{{#tags}}{{.}}{{/tags}}`.")
                    } else if tag.kind == .unescapedValue {
                        report("The list's texts come from the content and must be escaped: `{{{.}}}` or `{{&.}}` would write them as HTML.",
                               "Write `{{.}}`.")
                    }
                    continue
                }
                guard let found = Self.resolve(tag.name, in: stack) else {
                    issues.append(unknown(tag, in: file, stack: stack))
                    continue
                }
                switch (found.use, tag.kind) {
                case (.section, _):
                    report("`\(tag.name)` holds a list or an object: written as a value it would show its inner workings.",
                           "Open it as a section, `{{#\(tag.name)}}…{{/\(tag.name)}}`, and write its names inside.")
                case (.text, .unescapedValue), (.address, .unescapedValue):
                    report("`\(tag.name)` is text from the content and must be escaped: `{{{\(tag.name)}}}` or `{{&\(tag.name)}}` would write it as HTML.",
                           "Write `{{\(tag.name)}}`.")
                case (.text, .value) where tag.startsAddress, (.html, _) where tag.startsAddress:
                    report("`\(tag.name)` is text, not an address the build made: starting an `href` or `src` it could be a `javascript:` link.",
                           "Start the address with an address value (`url`, `logo`, …) or with fixed text such as `/search/?q=`.")
                case (.html, .value):
                    report("`\(tag.name)` is HTML: `{{\(tag.name)}}` would show its tags as text.", "Write `{{{\(tag.name)}}}`.")
                default:
                    continue
                }
            }
        }
    }

    /// How `name` (`a` or `a.b`) may be used, `nil` when it is unknown.
    static func resolve(_ name: String, in stack: [TemplateSchema]) -> TemplateSchema.Entry? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, var current = stack.reversed().lazy.compactMap({ $0.names[first] }).first else { return nil }
        for part in parts.dropFirst() {
            guard case .section(let inside) = current.use, let next = inside.names[part] else { return nil }
            current = next
        }
        return current
    }

    private func unknown(_ tag: TemplateTag, in file: String, stack: [TemplateSchema]) -> ContentIssue {
        let known = Set(stack.flatMap(\.names.keys)).filter { !$0.hasPrefix("prerendered-") }.sorted()
        return ContentIssue(file: file, line: tag.line,
                            message: "The template uses `\(tag.name)`, which pages made from it do not have; it would show as empty text.",
                            fix: "Use one of: \(known.joined(separator: ", ")).")
    }
}
