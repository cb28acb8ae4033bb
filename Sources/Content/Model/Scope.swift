/// Where an answer belongs: the whole province, or one city.
package enum Scope: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 统一答复口径: shown on every opened city's site.
    case province
    /// One city's own answers, by the city's pinyin abbreviation.
    case city(String)
    /// The transcript of an audio or video file under `media/`: reviewed like
    /// an answer, shown on the pages of the answers that present the file.
    case media

    /// The folder name under `answers/` and the prefix of `scope/id` references.
    package var description: String {
        switch self {
        case .province: "province"
        case .city(let abbr): abbr
        case .media: "media"
        }
    }
}
