import Markdown
import Moderation

/// One FAQ answer as an editor wrote it: front matter plus a Markdown body.
/// Immutable; a class so that the many lists, reviews and plans that hold
/// an answer share one copy instead of copying twenty fields each time.
package final class Answer: Sendable {
    package enum Visibility: String, Sendable {
        case `public`
        /// A reply to one caller (article 36): never published anywhere.
        case `private`
    }

    package let scope: Scope
    /// Unique within its scope; also the last segment of the page URL.
    package let id: String
    /// The question, as visitors read it.
    package let title: String
    package let category: String
    package let updated: Day
    package let visibility: Visibility
    package let tags: [String]
    /// For a city answer: the provincial answer it replaces on that city's site.
    package let overrides: String?
    /// Names of media files under `media/` that this answer presents.
    package let media: [String]
    /// The Markdown body.
    package var body: String { texts.body }
    /// The length of ``body`` in UTF-8 bytes where it is the end of ``source``, as decoded; `nil` where it is not.
    var lengthOfBodyEndingSource: Int? { texts.lengthOfBodyEndingSource }
    /// The length of ``body`` in UTF-8 bytes, without decoding the texts a build read back from its memory
    /// (where the body ends the source, as every answer's does).
    package var bodyByteCount: Int { texts.bodyByteCount }
    /// The line of the file on which the body starts (1-based).
    package let bodyLine: Int
    /// The file, as the user named it.
    package let file: String
    /// Lines of the front matter keys, for messages about their values.
    package let keyLines: KeyLines
    /// The whole file as written, front matter included: what moderation reads.
    package var source: String { texts.value.source }
    /// What readers see — every front-matter value as YAML decodes it, the
    /// body as rendered — with source lines: moderation reads it too (``ReaderView``).
    package var readerTexts: [DerivedText] { texts.readerTexts(ofFile: file) }
    /// Gives up ``readerTexts`` until they are asked for again (then derived from ``source`` anew): see ``AnswerTexts/forgetReaderTexts()``.
    package func forgetReaderTexts() { texts.forgetReaderTexts() }
    /// Whether ``readerTexts`` are held (for the tests).
    var holdsReaderTexts: Bool { texts.holdsReaderTexts }
    /// Gives ``source`` up to `file`, read back from it whenever asked for: see ``AnswerTexts/spill(to:)``.
    func spill(to file: SpillFile) { texts.spill(to: file) }
    /// Whether ``source`` is in a spill file (for the tests).
    var isSpilled: Bool { texts.isSpilled }
    /// The source and body, perhaps not yet decoded from a build's memory, and the reader's texts where held.
    private let texts: AnswerTexts
    /// The body's `answer:<id>` links, checked against the other answers when loading.
    package let answerLinks: [Link]
    /// The images and PDFs of `media/` the body shows or links to, with their lines in the file.
    package let mediaReferences: [MarkdownDocument.MediaReference]
    /// SHA-256 of the file's bytes: what a reviewer's approval is bound to.
    package let fileHash: String

    package convenience init(scope: Scope, id: String, title: String, category: String, updated: Day, visibility: Visibility, tags: [String],
                 overrides: String?, media: [String], body: String, bodyLine: Int, file: String, keyLines: KeyLines,
                 source: String, readerTexts: [DerivedText], answerLinks: [Link], mediaReferences: [MarkdownDocument.MediaReference],
                 fileHash: String) {
        self.init(scope: scope, id: id, title: title, category: category, updated: updated, visibility: visibility, tags: tags,
                  overrides: overrides, media: media, bodyLine: bodyLine, file: file, keyLines: keyLines,
                  texts: AnswerTexts(source: source, body: body, readerTexts: readerTexts), answerLinks: answerLinks,
                  mediaReferences: mediaReferences, fileHash: fileHash)
    }

    init(scope: Scope, id: String, title: String, category: String, updated: Day, visibility: Visibility, tags: [String],
         overrides: String?, media: [String], bodyLine: Int, file: String, keyLines: KeyLines, texts: AnswerTexts,
         answerLinks: [Link], mediaReferences: [MarkdownDocument.MediaReference], fileHash: String) {
        self.scope = scope
        self.id = id
        self.title = title
        self.category = category
        self.updated = updated
        self.visibility = visibility
        self.tags = tags
        self.overrides = overrides
        self.media = media
        self.bodyLine = bodyLine
        self.file = file
        self.keyLines = keyLines
        self.texts = texts
        self.answerLinks = answerLinks
        self.mediaReferences = mediaReferences
        self.fileHash = fileHash
        reference = "\(scope)/\(id)"
    }

    /// An `answer:<id>` link and the line of the file it stands on.
    package struct Link: Sendable, Equatable {
        package let id: String
        package let line: Int
    }

    /// `scope/id`, the name reviewers and reports use (made once: many lookups use it).
    package let reference: String

    /// Every `media/` file the answer presents, in the front matter or in the body: it publishes only once each is cleared.
    package var allMedia: [String] {
        var seen: Set<String> = []
        return (media + mediaReferences.map(\.name)).filter { seen.insert($0).inserted }
    }
}

extension Answer: ReviewSubject {
    package var isPrivate: Bool { visibility == .private }
    package var keepsApprovedRevisions: Bool { true }
}
