/// A prefecture-level city and its 12320 site (article 33).
public struct City: Hashable, Sendable {
    /// Whether the city's site is online yet.
    public enum Status: String, Sendable {
        case opened
        /// Listed on the hub as 筹建中; no site is generated.
        case planned
    }

    /// Chinese name, e.g. `南京市`.
    public let name: String
    /// Pinyin abbreviation, lowercase ASCII letters, e.g. `nj`.
    public let abbr: String
    public let status: Status
    /// The city centre's published phone number.
    public let phone: String
    /// The city centre's published address.
    public let address: String
}
