/// One piece of a parsed theme template (see ``TemplateParser``).
indirect enum TemplateNode: Sendable, Equatable {
    /// Text written as it is, in UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` and `{{&name}}` (as is).
    case value(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `{{>name}}`; `indentation` is the white space before a partial that stands alone on its line,
    /// put before each line it writes.
    case partial(String, indentation: [UInt8]?)
}

/// A name as a template writes it: `title`, `city.address`, `.` for the value on top.
struct TemplatePath: Sendable, Equatable {
    /// The dotted parts, empty for the value on top.
    let parts: [String]
    /// `.name`: looked up in the value on top only, not in the ones around it.
    let onTopOnly: Bool

    /// Read as swift-mustache reads it: empty parts (`a..b`, a leading dot) are dropped.
    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        onTopOnly = name.first == "."
    }
}
