/// One rendering of a parsed template into UTF-8 bytes, writing what
/// swift-mustache wrote for the same template and values, without its
/// per-lookup casts, name splitting and string building (a fifth of a full
/// build, measured).
///
/// Names are looked up as swift-mustache looks them up: in the value on top
/// of the stack, then in the ones around it, outwards; a dotted name's later
/// parts only in what its first part found. A section over a list renders
/// once per item, over an object or a text once with it on top, over a
/// condition while it holds.
struct TemplateRendering {
    /// Every template and partial, by name.
    private let templates: [String: [TemplateNode]]
    /// The values open around the tag being written; the page's own at the bottom.
    private var stack: [TemplateValue]
    private(set) var bytes: [UInt8] = []

    init(templates: [String: [TemplateNode]], values: any TemplateObject) {
        self.templates = templates
        stack = [.object(values)]
    }

    /// Renders the template `name` (nothing where there is none).
    mutating func render(_ name: String) {
        guard let nodes = templates[name] else { return }
        render(nodes, indentation: nil)
    }

    /// Renders `nodes`, their partials from the templates.
    mutating func render(_ nodes: [TemplateNode]) {
        render(nodes, indentation: nil)
    }

    /// Writes `nodes`. Where a partial stood alone on an indented line, `indentation` is put before
    /// every node that writes something after a line break `nodes` wrote (swift-mustache's rule).
    private mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation) }
            return
        }
        let start = bytes.count
        for node in nodes {
            let before = bytes.count
            render(node, indentation: indentation)
            if bytes.count > before, endsWithLineFeed(start..<before) {
                bytes.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Whether `range` of the bytes ends with a line feed that is a character of its own (not the end of `\r\n`).
    private func endsWithLineFeed(_ range: Range<Int>) -> Bool {
        guard let last = range.last, bytes[last] == 0x0A else { return false }
        return last == range.lowerBound || bytes[last - 1] != 0x0D
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?) {
        switch node {
        case .text(let text):
            bytes.append(contentsOf: text)
        case .value(let path, let escaped):
            // Lists and objects are not written: the theme check refuses a template that writes them.
            switch lookUp(path) {
            case .text(let text): write(text, escaped: escaped)
            case .flag(let flag): write(flag ? "true" : "false", escaped: escaped)
            default: break
            }
        case .section(let path, let inverted, let inside):
            let value = lookUp(path)
            if inverted {
                renderInverted(inside, over: value, indentation: indentation)
            } else {
                renderSection(inside, over: value, indentation: indentation)
            }
        case .partial(let name, let indented):
            guard let partial = templates[name] else { return }
            render(partial, indentation: indented.map { (indentation ?? []) + $0 } ?? indentation)
        }
    }

    private mutating func renderSection(_ inside: [TemplateNode], over value: TemplateValue?, indentation: [UInt8]?) {
        switch value {
        case .flag(let holds):
            if holds { render(inside, indentation: indentation) }
        case .list(let items):
            for item in items { render(inside, on: .object(item), indentation: indentation) }
        case .texts(let texts):
            for text in texts { render(inside, on: .text(text), indentation: indentation) }
        case .text(let text):
            render(inside, on: .text(text), indentation: indentation)
        case .object(let object):
            render(inside, on: .object(object), indentation: indentation)
        case nil:
            break
        }
    }

    private mutating func renderInverted(_ inside: [TemplateNode], over value: TemplateValue?, indentation: [UInt8]?) {
        switch value {
        case .flag(let holds):
            if !holds { render(inside, indentation: indentation) }
        // Over an empty list, swift-mustache puts the list on top.
        case .list(let items):
            if items.isEmpty { render(inside, on: .list(items), indentation: indentation) }
        case .texts(let texts):
            if texts.isEmpty { render(inside, on: .texts(texts), indentation: indentation) }
        case .text, .object:
            break
        case nil:
            render(inside, indentation: indentation)
        }
    }

    private mutating func render(_ nodes: [TemplateNode], on top: TemplateValue, indentation: [UInt8]?) {
        stack.append(top)
        render(nodes, indentation: indentation)
        stack.removeLast()
    }

    /// What `path` names: its first part in the innermost value that has it, each later part in what the one before found.
    private func lookUp(_ path: TemplatePath) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var found: TemplateValue?
        if path.onTopOnly {
            found = stack.last.flatMap { Self.value(first, in: $0) }
        } else {
            for value in stack.reversed() {
                if let child = Self.value(first, in: value) {
                    found = child
                    break
                }
            }
        }
        for part in path.parts.dropFirst() {
            found = found.flatMap { Self.value(part, in: $0) }
        }
        return found
    }

    /// Only objects have names; a text, a condition or a list names nothing.
    private static func value(_ name: String, in value: TemplateValue) -> TemplateValue? {
        guard case .object(let object) = value else { return nil }
        return object.value(named: name)
    }

    private mutating func write(_ text: String, escaped: Bool) {
        if escaped {
            HTMLEscaping.append(text, to: &bytes)
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }
}
