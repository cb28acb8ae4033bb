import Content
import Foundation

/// Refuses a theme whose templates name something their pages do not have.
/// Mustache renders an unknown name as empty text: a mistyped `{{hotlne}}`
/// would silently drop the hotline from every page. The check follows the
/// sections as Mustache does — a name is looked up in the innermost open
/// section's values, then outwards — and into partials.
struct TemplateKeyCheck {
    let directory: String
    /// Partials the pages do not render themselves (the site's header and footer, rendered once per site).
    let prerendered: Set<String>

    /// Every unknown name in `template` and the partials it includes, where
    /// the outermost values are `schema`.
    func issues(in template: String, schema: TemplateSchema) -> [ContentIssue] {
        var issues: [ContentIssue] = []
        check(template, stack: [schema], including: [], into: &issues)
        return issues
    }

    private func check(_ template: String, stack outer: [TemplateSchema], including chain: [String], into issues: inout [ContentIssue]) {
        let file = "\(directory)/\(template).mustache"
        guard !chain.contains(template), chain.count < 16, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return }
        var stack = outer
        for tag in TemplateTag.all(in: text) {
            switch tag.kind {
            case .comment:
                continue
            case .delimiters:
                issues.append(ContentIssue(file: file, line: tag.line, message: "The template changes its delimiters (`{{=…=}}`).",
                                           fix: "Keep `{{` and `}}`: the build checks every name a template uses, and reads only those."))
                return
            case .partial:
                if !prerendered.contains(tag.name) { check(tag.name, stack: stack, including: chain + [template], into: &issues) }
            case .close:
                if stack.count > 1 { stack.removeLast() }
            case .value, .section, .invertedSection:
                let found = Self.resolve(tag.name, in: stack)
                if found == nil { issues.append(unknown(tag, in: file, stack: stack)) }
                // A section over objects opens their names; any other section keeps the names around it.
                if tag.kind == .section { stack.append((found ?? nil) ?? TemplateSchema(names: [:])) }
                if tag.kind == .invertedSection { stack.append(TemplateSchema(names: [:])) }
            }
        }
    }

    /// What `name` (`a`, `a.b` or `.`) opens: `.some(nil)` for a plain value, `nil` when it is unknown.
    static func resolve(_ name: String, in stack: [TemplateSchema]) -> TemplateSchema?? {
        if name == "." { return .some(stack.last) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let found = stack.reversed().first(where: { $0.names[first] != nil })?.names[first] else {
            return nil
        }
        var current = found
        for part in parts.dropFirst() {
            guard let inside = current, let next = inside.names[part] else { return nil }
            current = next
        }
        return .some(current)
    }

    private func unknown(_ tag: TemplateTag, in file: String, stack: [TemplateSchema]) -> ContentIssue {
        let known = Set(stack.flatMap(\.names.keys)).filter { !$0.hasPrefix("prerendered-") }.sorted()
        return ContentIssue(file: file, line: tag.line,
                            message: "The template uses `\(tag.name)`, which pages made from it do not have; it would show as empty text.",
                            fix: "Use one of: \(known.joined(separator: ", ")).")
    }
}
