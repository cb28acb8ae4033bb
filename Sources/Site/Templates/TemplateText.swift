import Mustache

/// A text value as the renderer hands it to Mustache: something it renders
/// directly (``MustacheCustomRenderable``). A plain `String` costs Mustache
/// three failed casts and a `String(describing:)` each time a page writes it
/// (a fourteenth of a full build's time in Mustache, measured); the bytes written are the same.
/// As a section's value (`{{#slogan}}…{{/slogan}}`, a condition) it names
/// nothing, as a `String` names nothing, so the names inside are looked up around it.
struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable {
    let renderText: String
    /// Never: a condition on a text holds, even on an empty one, as it does on a `String`.
    var isNull: Bool { false }

    init(_ text: String) {
        renderText = text
    }

    func child(named name: String) -> Any? { nil }
}
