/// What a template's name stands for on a page, as ``TemplateRendering`` writes it.
/// Each ``TemplateKey`` kind gives one case; how a section treats each case is
/// how swift-mustache treats the value that kind used to hand it.
enum TemplateValue: Sendable {
    /// Text, a number or trusted HTML: written escaped by `{{name}}`, as is by `{{{name}}}`.
    /// A section over it renders once, even over an empty text, with the text on top (naming nothing).
    case text(String)
    /// A condition: a section renders while it holds, an inverted section while it does not.
    case flag(Bool)
    /// Plain texts, each on top in turn inside a section (`{{#tags}}{{.}}{{/tags}}`).
    case texts([String])
    /// Contexts, each on top in turn inside a section.
    case list([any TemplateObject])
    /// One context, on top inside a section.
    case object(any TemplateObject)
}

/// Something that answers a template's names: a page's values, or one item of a list.
protocol TemplateObject: Sendable {
    /// The value of `name`; `nil` where this object does not have it, so the
    /// renderer looks it up in the objects around.
    func value(named name: String) -> TemplateValue?
}
