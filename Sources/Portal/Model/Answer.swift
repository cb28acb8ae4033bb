import Moderation

/// One FAQ answer as an editor wrote it: front matter plus a Markdown body.
public struct Answer: Sendable {
    public enum Visibility: String, Sendable {
        case `public`
        /// A reply to one caller (article 36): never published anywhere.
        case `private`
    }

    public let scope: Scope
    /// Unique within its scope; also the last segment of the page URL.
    public let id: String
    /// The question, as visitors read it.
    public let title: String
    public let category: String
    public let updated: Day
    public let visibility: Visibility
    public let tags: [String]
    /// For a city answer: the provincial answer it replaces on that city's site.
    public let overrides: String?
    /// Names of media files under `media/` that this answer presents.
    public let media: [String]
    /// The Markdown body.
    public let body: String
    /// The line of the file on which the body starts (1-based).
    public let bodyLine: Int
    /// The file, as the user named it.
    public let file: String
    /// Lines of the front matter keys, for messages about their values.
    public let keyLines: [String: Int]
    /// The whole file as written, front matter included: what moderation reads.
    public let source: String
    /// What readers see — every front-matter value as YAML decodes it, the
    /// body as rendered — with source lines: moderation reads it too (``ReaderView``).
    public let readerTexts: [DerivedText]
    /// The body's `answer:<id>` links, checked against the other answers when loading.
    public let answerLinks: [Link]
    /// SHA-256 of the file's bytes: what a reviewer's approval is bound to.
    public let fileHash: String

    /// An `answer:<id>` link and the line of the file it stands on.
    public struct Link: Sendable, Equatable {
        public let id: String
        public let line: Int
    }

    /// `scope/id`, the name reviewers and reports use.
    public var reference: String { "\(scope)/\(id)" }
}
