import Markdown

/// An answer that passed every gate, with its Markdown rendered once.
/// A provincial answer's rendering is shared by every city site.
struct PublishedAnswer: Sendable {
    let answer: Answer
    /// The last URL segment: the answer's id, or for an override the id of the
    /// provincial answer it replaces, so shared links keep working.
    let slug: String
    let document: MarkdownDocument

    var path: String { "/answers/\(slug)/" }

    /// The first sentences of the text, for listings and the feed.
    var excerpt: String {
        let flat = document.plainText.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 90 ? String(flat.prefix(90)) + "…" : flat
    }
}
