/// The names a template may use where a context is on top of the stack:
/// each maps to the names inside it when it opens a section over objects or
/// a list of them, or to `nil` for a plain value (text, flag, number).
struct TemplateSchema: Sendable, Equatable {
    var names: [String: TemplateSchema?]

    /// A list of plain values, used as `{{#tags}}{{.}}{{/tags}}`.
    static let values = TemplateSchema(names: [:])

    /// Both schemas' names; on a clash, `self`'s (the context looked up first) wins.
    func merged(with other: TemplateSchema) -> TemplateSchema {
        TemplateSchema(names: names.merging(other.names) { mine, _ in mine })
    }
}
