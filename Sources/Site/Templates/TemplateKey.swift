/// One name a template may use on `Context`: how to read it, and what the
/// template may name inside it when it opens a section on it.
struct TemplateKey<Context>: Sendable {
    let read: @Sendable (Context) -> Any?
    /// `nil` for a plain value; the item's names for objects and lists of them.
    let inside: TemplateSchema?

    /// Text, escaped where the template writes `{{name}}`.
    static func text(_ read: @escaping @Sendable (Context) -> String) -> Self { Self(read: read, inside: nil) }
    /// Trusted HTML, written with `{{{name}}}`: only what the renderer made safe (cmark in safe mode, our own chrome).
    static func html(_ read: @escaping @Sendable (Context) -> String) -> Self { Self(read: read, inside: nil) }
    /// A condition for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    static func flag(_ read: @escaping @Sendable (Context) -> Bool) -> Self { Self(read: read, inside: nil) }
    static func number(_ read: @escaping @Sendable (Context) -> Int) -> Self { Self(read: read, inside: nil) }
    /// Plain values listed with `{{#name}}{{.}}{{/name}}`.
    static func texts(_ read: @escaping @Sendable (Context) -> [String]) -> Self { Self(read: read, inside: .values) }

    /// A list of contexts, each rendered in turn by `{{#name}}…{{/name}}`.
    static func list<Item: TemplateContext>(_ read: @escaping @Sendable (Context) -> [Item]) -> Self {
        Self(read: read, inside: Item.schema)
    }

    /// A context that may be absent: `{{#name}}…{{/name}}` renders only when it is there.
    static func object<Item: TemplateContext>(_ read: @escaping @Sendable (Context) -> Item?) -> Self {
        Self(read: { read($0) }, inside: Item.schema)
    }
}
