/// Where an answer belongs: the whole province, or one city.
public enum Scope: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 统一答复口径: shown on every opened city's site.
    case province
    /// One city's own answers, by the city's pinyin abbreviation.
    case city(String)

    /// The folder name under `answers/` and the prefix of `scope/id` references.
    public var description: String {
        switch self {
        case .province: "province"
        case .city(let abbr): abbr
        }
    }
}
