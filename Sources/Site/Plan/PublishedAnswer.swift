import Content
import Markdown

/// An answer that passed every gate, with its Markdown rendered once.
/// A provincial answer's rendering is shared by every city site; a class, so
/// the many listings that hold it share one copy.
final class PublishedAnswer: Sendable {
    let answer: Answer
    /// The last URL segment: the answer's id, or for an override the id of the
    /// provincial answer it replaces, so shared links keep working.
    let slug: String
    let document: MarkdownDocument
    /// The first sentences of the text, for listings, descriptions and the feed.
    let excerpt: String
    /// The answer as listings show it, made once for every site and build that lists it.
    let summary: AnswerSummary

    /// - Parameter province: names the answer's category in ``summary``.
    init(answer: Answer, slug: String, document: MarkdownDocument, province: Province) {
        self.answer = answer
        self.slug = slug
        self.document = document
        let excerpt = document.excerpt
        self.excerpt = excerpt
        summary = AnswerSummary(answer, path: "/answers/\(slug)/", excerpt: excerpt, province: province)
    }

    var path: String { summary.url }

}
