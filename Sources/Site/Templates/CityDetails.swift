import Content

/// The city whose site is rendered: its centre's contact details.
struct CityDetails: TemplateContext, Hashable {
    let name: String
    let phone: String
    let address: String
    let domain: String

    init(_ city: City, domain: String) {
        name = city.name
        phone = city.phone
        address = city.address
        self.domain = domain
    }

    static let keys: [String: TemplateKey<CityDetails>] = [
        "name": .text(\.name), "phone": .text(\.phone), "address": .text(\.address), "domain": .text(\.domain),
    ]
}
