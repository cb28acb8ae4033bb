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
    package let pages = PublishedAnswerCache()
    package let theme = ThemeMemory()
    /// The files of a build's memory as read (see ``restored(for:cities:seal:)``).
    package let files = MemoryFileBytes()

    package init() {}
}
