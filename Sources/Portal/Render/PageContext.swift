/// The values every page template sees: brand, navigation and footer.
/// Dictionaries rather than reflected structs: Mustache looks them up fastest.
struct PageContext: Sendable {
    let province: Province
    let logoURL: String
    let stylesheetURL: String

    var hubURL: String { "https://\(province.hubDomain)/" }

    /// - Parameters:
    ///   - city: the city whose site the page belongs to; `nil` on the hub.
    ///   - path: the page's path on its site, e.g. `/answers/fever/`.
    ///   - category: the category key the page belongs to, to mark it current in the navigation.
    func base(city: City?, title: String, description: String, path: String, category: String? = nil) -> [String: Any] {
        let domain = city.map(province.domain(of:)) ?? province.hubDomain
        let siteName = "\(city?.name ?? province.name)12320卫生热线"
        var context: [String: Any] = [
            "siteName": siteName,
            "title": title == siteName ? siteName : "\(title) - \(siteName)",
            "heading": title,
            "description": description,
            "canonical": "https://\(domain)\(path)",
            "province": province.name,
            "hotline": province.hotline,
            "slogan": province.slogan,
            "email": province.email,
            "logo": logoURL,
            "stylesheet": stylesheetURL,
            "hubURL": hubURL,
            "feedURL": "/feed.xml",
            "isHub": city == nil,
        ]
        if let city {
            context["city"] = cityContext(city, current: city)
            context["categories"] = province.categories.map { item in
                ["name": item.name, "url": "/categories/\(item.key)/", "current": item.key == category] as [String: Any]
            }
        }
        context["cities"] = province.cities.map { cityContext($0, current: city) }
        return context
    }

    func cityContext(_ city: City, current: City?) -> [String: Any] {
        [
            "name": city.name,
            "abbr": city.abbr,
            "domain": province.domain(of: city),
            "url": "https://\(province.domain(of: city))/",
            "opened": city.status == .opened,
            "current": city == current,
            "phone": city.phone,
            "address": city.address,
        ]
    }

    func answerSummary(_ page: PublishedAnswer) -> [String: Any] {
        [
            "title": page.answer.title,
            "url": page.path,
            "excerpt": page.excerpt,
            "updated": page.answer.updated.chinese,
            "updatedISO": page.answer.updated.description,
            "categoryName": province.category(page.answer.category)?.name ?? "",
            "provincial": page.answer.scope == .province,
        ]
    }
}
