import Content

/// A page whose values are made but not yet rendered: its fingerprint tells
/// a build whether the bytes it rendered from the same values last time still stand.
package struct PreparedPage {
    /// The ``ContextFingerprint`` of its template and values.
    package let fingerprint: String
    package let render: () throws(ContentIssue) -> [UInt8]
}
