import Content

/// A city in the list of every city's site.
struct CityLink: TemplateContext {
    let name: String
    let abbr: String
    let domain: String
    let opened: Bool
    /// Whether this is the site being rendered.
    let current: Bool

    init(_ city: City, in province: Province, current: Bool) {
        name = city.name
        abbr = city.abbr
        domain = province.domain(of: city)
        opened = city.status == .opened
        self.current = current
    }

    static let keys: [String: TemplateKey<CityLink>] = [
        "name": .text(\.name), "abbr": .text(\.abbr), "domain": .text(\.domain),
        "url": .text { "https://\($0.domain)/" }, "opened": .flag(\.opened), "current": .flag(\.current),
    ]
}
