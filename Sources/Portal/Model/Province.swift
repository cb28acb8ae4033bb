import Foundation

/// The province configuration (`portal.yml`): the single source of the uniform
/// logo and slogan (article 34), the taxonomy and the cities.
public struct Province: Sendable {
    public let name: String
    /// Province code in domains, `js`.
    public let code: String
    public let hotline: String
    /// The public e-mail address for questions (article 36).
    public let email: String
    public let hubDomain: String
    /// Contains `{abbr}`, e.g. `www.js{abbr}12320.cn`.
    public let domainPattern: String
    /// Path of the logo file, relative to the content folder.
    public let logo: String
    public let slogan: String
    public let categories: [Category]
    public let reviewPolicy: ReviewPolicy
    public let cities: [City]
    public let deploy: DeploySettings

    /// The domain of a city's site.
    public func domain(of city: City) -> String {
        domainPattern.replacingOccurrences(of: "{abbr}", with: city.abbr)
    }

    /// Cities whose sites are generated, in configuration order.
    public var openedCities: [City] { cities.filter { $0.status == .opened } }

    public func category(_ key: String) -> Category? { categories.first { $0.key == key } }
}

/// When an answer needs a reviewer's decision before it is published.
public enum ReviewPolicy: String, Sendable {
    /// Every public answer needs an approval for its current text (article 37).
    case all
    /// Only answers with moderation findings need one.
    case flagged
}
