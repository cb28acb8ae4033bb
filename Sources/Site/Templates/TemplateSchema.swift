/// The names a template may use where a context is on top of the stack, and
/// how: plain text (escaped, `{{name}}`), trusted HTML (`{{{name}}}`), or
/// objects and lists that a section opens (`{{#name}}…{{/name}}`).
struct TemplateSchema: Sendable, Equatable {
    /// How one name may be used.
    struct Entry: Sendable, Equatable {
        enum Use: Sendable, Equatable {
            /// Text or a number, written escaped: `{{name}}`; or a condition.
            case text
            /// An address the build made (a page, an asset, a checked filing link), written escaped: the only
            /// value that may start an `href` or `src` (text there could be a `javascript:` link).
            case address
            /// HTML the renderer made safe, written as is: `{{{name}}}`.
            case html
            /// Objects or a list of them; a section over it opens `TemplateSchema`.
            case section(TemplateSchema)
        }

        let use: Use
    }

    var names: [String: Entry]
    /// Whether this is a list of plain values, whose items a template writes as `{{.}}`.
    var listsValues = false

    /// A list of plain values, used as `{{#tags}}{{.}}{{/tags}}`.
    static let values = TemplateSchema(names: [:], listsValues: true)
    /// What a section over a condition opens: nothing new.
    static let nothing = TemplateSchema(names: [:])

    /// Both schemas' names; on a clash, `self`'s (the context looked up first) wins.
    func merged(with other: TemplateSchema) -> TemplateSchema {
        TemplateSchema(names: names.merging(other.names) { mine, _ in mine })
    }
}
