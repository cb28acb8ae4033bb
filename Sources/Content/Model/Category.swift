/// One entry of the province-wide business classification (article 19).
package struct Category: Hashable, Sendable {
    /// URL-safe key used in front matter and in `/categories/<key>/`.
    package let key: String
    /// Chinese name shown to visitors.
    package let name: String
}
