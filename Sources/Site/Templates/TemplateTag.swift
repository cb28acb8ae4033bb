/// One `{{…}}` tag of a Mustache template, as ``TemplateParser`` read it for ``TemplateKeyCheck``.
struct TemplateTag: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `{{name}}`: written escaped.
        case value
        /// `{{{name}}}`, `{{&name}}`: written as is.
        case unescapedValue
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{>name}}`.
        case partial
        /// `{{!…}}`.
        case comment
        /// What the parser does not read, and the check refuses: `{{=<% %>=}}` (delimiters), `{{<parent}}` and
        /// `{{$block}}` (inheritance), `{{>*name}}` (a partial named by a value), `{{%…}}` (a pragma, which could
        /// set another content type, and with it other escaping than the renderer's). Its name says why.
        case unsupported
    }

    let kind: Kind
    let name: String
    /// 1-based line of the tag's opening braces.
    let line: Int
    /// Where in the HTML the tag stands, when escaped text there is not only text to a browser (``HTMLPlace``).
    var unsafePlace: String?
    /// Whether the tag starts the value of an attribute that holds an address (`href="{{…}}`).
    var startsAddress = false
}
