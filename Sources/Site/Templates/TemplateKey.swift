/// One name a template may use on `Context`: its value, and how the
/// template may use it (see ``TemplateSchema/Entry``).
struct TemplateKey<Context>: Sendable {
    let value: @Sendable (Context) -> TemplateValue?
    let use: TemplateSchema.Entry.Use
    /// Adds what `read` gives to a page's fingerprint, typed (no value is cast from `Any`).
    let digest: @Sendable (Context, inout ContextFingerprint) -> Void

    /// Text, escaped where the template writes `{{name}}`; never written unescaped.
    static func text(_ read: @escaping @Sendable (Context) -> String) -> Self {
        Self(value: { .text(read($0)) }, use: .text) { $1.add(text: read($0)) }
    }
    /// An address the build made, written escaped; the only value that may start an address attribute.
    static func address(_ read: @escaping @Sendable (Context) -> String) -> Self {
        Self(value: { .text(read($0)) }, use: .address) { $1.add(text: read($0)) }
    }
    /// Trusted HTML, written with `{{{name}}}`: only what the renderer made safe (cmark in safe mode, our own chrome).
    static func html(_ read: @escaping @Sendable (Context) -> String) -> Self {
        Self(value: { .text(read($0)) }, use: .html) { $1.add(text: read($0)) }
    }
    /// A condition for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    static func flag(_ read: @escaping @Sendable (Context) -> Bool) -> Self {
        Self(value: { .flag(read($0)) }, use: .text) { $1.add(flag: read($0)) }
    }
    static func number(_ read: @escaping @Sendable (Context) -> Int) -> Self {
        Self(value: { .text(String(read($0))) }, use: .text) { $1.add(text: String(read($0))) }
    }
    /// Plain values listed with `{{#name}}{{.}}{{/name}}`.
    static func texts(_ read: @escaping @Sendable (Context) -> [String]) -> Self {
        Self(value: { .texts(read($0)) }, use: .section(.values)) { $1.add(texts: read($0)) }
    }

    /// A list of contexts, each rendered in turn by `{{#name}}…{{/name}}`.
    static func list<Item: TemplateContext>(_ read: @escaping @Sendable (Context) -> [Item]) -> Self {
        Self(value: { .list(read($0)) }, use: .section(Item.schema)) { $1.add(list: read($0)) }
    }

    /// A context that may be absent: `{{#name}}…{{/name}}` renders only when it is there.
    static func object<Item: TemplateContext>(_ read: @escaping @Sendable (Context) -> Item?) -> Self {
        Self(value: { read($0).map(TemplateValue.object) }, use: .section(Item.schema)) { $1.add(optional: read($0)) }
    }
}
