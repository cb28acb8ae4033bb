import Foundation

/// The province configuration (`portal.yml`): the single source of the uniform
/// logo and slogan (article 34), the taxonomy and the cities.
package struct Province: Sendable {
    package let name: String
    /// Province code in domains, `js`.
    package let code: String
    package let hotline: String
    /// The public e-mail address for questions (article 36).
    package let email: String
    package let hubDomain: String
    /// Contains `{abbr}`, e.g. `www.js{abbr}12320.cn`.
    package let domainPattern: String
    /// Path of the logo file, relative to the content folder.
    package let logo: String
    package let slogan: String
    package let categories: [Category]
    package let reviewPolicy: ReviewPolicy
    package let cities: [City]
    /// The province-wide deploy settings, under each site's own.
    package let deploy: DeploySettings
    /// The hub's: its own `deploy:` in `hub:` over the province's.
    package let hubDeploy: DeploySettings
    /// What the hub's footer must show.
    package let hubRegistration: SiteRegistration
    package let inspection: InspectionRules

    package init(name: String, code: String, hotline: String, email: String, hubDomain: String, domainPattern: String, logo: String,
                 slogan: String, categories: [Category], reviewPolicy: ReviewPolicy, cities: [City], deploy: DeploySettings,
                 hubDeploy: DeploySettings? = nil, hubRegistration: SiteRegistration = SiteRegistration(), inspection: InspectionRules = InspectionRules()) {
        self.name = name
        self.code = code
        self.hotline = hotline
        self.email = email
        self.hubDomain = hubDomain
        self.domainPattern = domainPattern
        self.logo = logo
        self.slogan = slogan
        self.categories = categories
        self.reviewPolicy = reviewPolicy
        self.cities = cities
        self.deploy = deploy
        self.hubDeploy = hubDeploy ?? deploy
        self.hubRegistration = hubRegistration
        self.inspection = inspection
    }

    /// The domain of a city's site.
    package func domain(of city: City) -> String {
        domainPattern.replacingOccurrences(of: "{abbr}", with: city.abbr)
    }

    /// Cities whose sites are generated, in configuration order.
    package var openedCities: [City] { cities.filter { $0.status == .opened } }

    /// The domain of every site a build makes: the hub's, then each opened city's.
    package var siteDomains: [String] { [hubDomain] + openedCities.map(domain(of:)) }

    package func category(_ key: String) -> Category? { categories.first { $0.key == key } }

    /// Where and how a city's site (or, for `nil`, the hub) is served.
    package func deploy(of city: City?) -> DeploySettings { city?.deploy ?? hubDeploy }

    /// `https://<domain>` (or `http://` where the site is served without TLS), no slash at the end.
    package func origin(of city: City?) -> String {
        "\(deploy(of: city).scheme)://\(city.map(domain(of:)) ?? hubDomain)"
    }

    /// What the footer of a city's site (or, for `nil`, the hub's) must show.
    package func registration(of city: City?) -> SiteRegistration { city?.registration ?? hubRegistration }
}
