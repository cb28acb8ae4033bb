import Content

/// A city in the list of every city's site.
struct CityLink: TemplateContext, Hashable {
    let name: String
    let abbr: String
    let domain: String
    let opened: Bool
    /// The city's site, with the scheme it is served on.
    let url: String
    /// The hub page of a planned city, with the answers its residents can use.
    let plannedURL: String
    /// Whether this is the site being rendered.
    let current: Bool

    init(_ city: City, in province: Province, current: Bool) {
        name = city.name
        abbr = city.abbr
        domain = province.domain(of: city)
        opened = city.status == .opened
        url = province.origin(of: city) + "/"
        plannedURL = province.origin(of: nil) + Self.plannedPath(city)
        self.current = current
    }

    static let keys: [String: TemplateKey<CityLink>] = [
        "name": .text(\.name), "abbr": .text(\.abbr), "domain": .text(\.domain),
        "url": .address(\.url), "opened": .flag(\.opened), "current": .flag(\.current),
        "plannedURL": .address(\.plannedURL),
    ]

    /// Where the hub shows a planned city's page.
    static func plannedPath(_ city: City) -> String { "/cities/\(city.abbr)/" }
}
