import Content

/// What every page of one site shows — brand, contact, navigation, links to
/// the hub and the other cities — and what the header and footer render.
struct SiteValues: TemplateContext, Hashable {
    let siteName: String
    let province: String
    let hotline: String
    let slogan: String
    let email: String
    let logo: String
    let stylesheet: String
    let searchScript: String
    /// The elder-friendly mode's script, loaded by every page's head.
    let modeScript: String
    let hubURL: String
    let feedURL = "/feed.xml"
    let isHub: Bool
    let cities: [CityLink]
    /// The site's own city; `nil` on the hub.
    let city: CityDetails?
    /// The filings and operators every footer shows.
    let registration: RegistrationDetails
    let privacyURL = "/privacy/"
    let errorReportURL = "/report-error/"
    /// The category menu, the current page's category marked.
    var categories: [CategoryLink]

    /// - Parameter assetURLs: the theme's assets' fingerprinted addresses by file name (`style.css` → `/assets/style.1a2b….css`).
    init(province: Province, city: City?, logoURL: String, assetURLs: [String: String]) {
        siteName = "\(city?.name ?? province.name)12320卫生热线"
        self.province = province.name
        hotline = province.hotline
        slogan = province.slogan
        email = province.email
        logo = logoURL
        stylesheet = assetURLs["style.css"] ?? "/assets/style.css"
        searchScript = assetURLs["search.js"] ?? "/assets/search.js"
        modeScript = assetURLs["mode.js"] ?? "/assets/mode.js"
        hubURL = province.origin(of: nil) + "/"
        isHub = city == nil
        cities = province.cities.map { CityLink($0, in: province, current: $0 == city) }
        self.city = city.map { CityDetails($0, domain: province.domain(of: $0)) }
        registration = RegistrationDetails(province.registration(of: city))
        categories = province.categories.map(CategoryLink.init)
    }

    /// The values with `key`'s category marked as the current one.
    func marking(category key: String?) -> SiteValues {
        var values = self
        values.categories = categories.map { link in
            var link = link
            link.current = link.key == key
            return link
        }
        return values
    }

    static let keys: [String: TemplateKey<SiteValues>] = [
        "siteName": .text(\.siteName), "province": .text(\.province), "hotline": .text(\.hotline),
        "slogan": .text(\.slogan), "email": .text(\.email), "logo": .address(\.logo),
        "stylesheet": .address(\.stylesheet), "searchScript": .address(\.searchScript), "modeScript": .address(\.modeScript),
        "hubURL": .address(\.hubURL), "feedURL": .address(\.feedURL), "isHub": .flag(\.isHub),
        "hasCategories": .flag { !$0.categories.isEmpty },
        "cities": .list(\.cities), "city": .object(\.city), "categories": .list(\.categories),
        "registration": .object { $0.registration }, "privacyURL": .address(\.privacyURL), "errorReportURL": .address(\.errorReportURL),
    ]
}
