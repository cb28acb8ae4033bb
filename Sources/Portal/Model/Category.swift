/// One entry of the province-wide business classification (article 19).
public struct Category: Hashable, Sendable {
    /// URL-safe key used in front matter and in `/categories/<key>/`.
    public let key: String
    /// Chinese name shown to visitors.
    public let name: String
}
