import Content
import Review

/// What a long-running process (the preview) keeps between builds of the
/// same content, so a saved answer costs one file's work: answers as read,
/// findings as scanned, Markdown as rendered, the theme as loaded. Each part checks its own
/// entries against what it would compute now (see each type), so a build
/// with this memory gives the same pages as one without.
package struct BuildMemory: Sendable {
    package let answers = AnswerFileCache()
    package let findings = FindingsCache()
    /// Markdown as rendered, for the next build in the same process (the preview); `nil` for the memory of
    /// one `build`, which never asks for a rendering of an earlier plan (what its entries held, the links and
    /// media each answer asked about, was 9.5 MB of the peak of 4x the benchmark's province).
    package let pages: PublishedAnswerCache?
    package let theme = ThemeMemory()
    /// The files of a build's memory as read (see ``restored(for:cities:seal:)``).
    package let files = MemoryFileBytes()

    /// - Parameter keepingRenderings: whether to keep ``pages``.
    package init(keepingRenderings: Bool = true) {
        pages = keepingRenderings ? PublishedAnswerCache() : nil
    }
}
