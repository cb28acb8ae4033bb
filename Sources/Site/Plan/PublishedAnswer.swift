import Content
import Markdown
import Synchronization

/// An answer that passed every gate, with its Markdown rendered when first
/// asked for, and again only if asked for after a build gave the rendering up
/// (``forgetRendering()``): a build renders the answers of the sites it makes,
/// not those of the sites it keeps. A provincial answer's rendering is shared by
/// every city site; a class, so the many listings that hold it share one copy.
final class PublishedAnswer: Sendable {
    let answer: Answer
    /// The last URL segment: the answer's id, or for an override the id of the
    /// provincial answer it replaces, so shared links keep working.
    let slug: String
    /// The name of the answer's category, for ``summary``: not the province, whose copy in every
    /// answer was some 400 bytes each (5 MB of the benchmark province's build, 22 MB at 4x).
    private let categoryName: String
    private let render: @Sendable (PublishedAnswer) -> MarkdownDocument
    private let rendering = Mutex<Rendering?>(nil)
    /// Where the HTML and plain text of a rendering go, when the build has a spill file.
    private let spill: SpillFile?

    /// What publishing uses of the rendered Markdown, nothing more (not the reader's lines moderation
    /// read): kept until every site made that lists the answer is written (``forgetRendering()``).
    private struct Rendering: Sendable {
        let texts: RenderedTexts
        let excerpt: String
        let summary: AnswerSummary
    }

    /// - Parameters:
    ///   - province: names the answer's category in ``summary``.
    ///   - spill: the build's spill file: the HTML and plain text of the rendering are kept there, not in memory
    ///     (at 4x the benchmark's province, those of the site being written were some 32 MB of the peak).
    ///   - render: renders the answer's Markdown (once, on any thread), given this page.
    init(answer: Answer, slug: String, province: Province, spill: SpillFile? = nil,
         render: @escaping @Sendable (PublishedAnswer) -> MarkdownDocument) {
        self.answer = answer
        self.slug = slug
        categoryName = province.category(answer.category)?.name ?? ""
        self.spill = spill
        self.render = render
    }

    /// The HTML of the answer's text.
    var html: String { rendered.texts.html }
    /// The text a reader sees, without markup, for search.
    var plainText: String { rendered.texts.plainText }
    /// What search results may show of the text, as a JSON array of strings.
    var searchPiecesJSON: [UInt8] { rendered.texts.searchPiecesJSON }
    /// The first sentences of the text, for listings, descriptions and the feed.
    var excerpt: String { rendered.excerpt }
    /// The answer as listings show it, made with the rendering, for every site that lists it.
    var summary: AnswerSummary { rendered.summary }

    var path: String { "/answers/\(slug)/" }

    /// Gives up the rendering, made again if asked for: a build does once every site it makes that lists
    /// the answer is written, so it holds the renderings of the sites it is writing, not the province's.
    func forgetRendering() {
        rendering.withLock { $0 = nil }
    }

    /// Whether the rendering is held (for the tests).
    var holdsRendering: Bool { rendering.withLock { $0 != nil } }

    /// Whether the rendering held keeps its texts in a spill file (for the tests).
    var holdsSpilledRendering: Bool { rendering.withLock { $0?.texts.isSpilled == true } }

    private var rendered: Rendering {
        rendering.withLock { kept in
            if let kept { return kept }
            let document = render(self)
            let excerpt = document.excerpt
            let made = Rendering(texts: RenderedTexts(html: document.html, plainText: document.plainText,
                                                               searchPieces: document.searchPieces, spill: spill), excerpt: excerpt,
                                 summary: AnswerSummary(answer, path: path, excerpt: excerpt, categoryName: categoryName))
            kept = made
            return made
        }
    }
}
