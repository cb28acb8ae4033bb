import Content

/// A file whose values are made but not yet rendered (a page, a search file): its fingerprint tells
/// a build whether the bytes it rendered from the same values last time still stand.
package struct PreparedPage {
    /// The ``ContextFingerprint`` of its template and values (a search file's: its index's, ``SearchIndexes/fingerprint(_:)``).
    package let fingerprint: String
    /// Whether the theme reaches its bytes (every page; no search file): the build then adds the theme's
    /// stamps to its fingerprint, and a theme change renders it again.
    package var showsTheme = true
    package let render: () throws(ContentIssue) -> [UInt8]
}
