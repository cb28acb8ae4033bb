import Content
import Mustache

/// What the templates of one site share on every page — brand, navigation,
/// links to the hub and the other cities — built once per site, not per page.
struct SiteChrome: @unchecked Sendable {
    // @unchecked: the dictionaries hold only immutable strings, booleans and
    // arrays of those, built before rendering starts and never mutated.
    private let shared: [String: Any]
    /// The pre-rendered header, one variant per current category key ("" for none).
    private let headers: [String: String]
    private let footer: String
    let siteName: String
    let domain: String

    /// - Parameters:
    ///   - city: the city whose site this is; `nil` for the hub.
    ///   - templates: renders the header and footer once for the whole site.
    init(province: Province, city: City?, logoURL: String, stylesheetURL: String, searchScriptURL: String, templates: TemplateSet) {
        domain = city.map(province.domain(of:)) ?? province.hubDomain
        siteName = "\(city?.name ?? province.name)12320卫生热线"
        var shared: [String: Any] = [
            "siteName": siteName,
            "province": province.name,
            "hotline": province.hotline,
            "slogan": province.slogan,
            "email": province.email,
            "logo": logoURL,
            "stylesheet": stylesheetURL,
            "searchScript": searchScriptURL,
            "hubURL": "https://\(province.hubDomain)/",
            "feedURL": "/feed.xml",
            "isHub": city == nil,
            "hasCategories": city != nil && !province.categories.isEmpty,
            "cities": province.cities.map { other -> [String: Any] in
                let domain = province.domain(of: other)
                return [
                    "name": other.name, "abbr": other.abbr, "domain": domain, "url": "https://\(domain)/",
                    "opened": other.status == .opened, "current": other == city,
                ]
            },
        ]
        if let city {
            shared["city"] = ["name": city.name, "phone": city.phone, "address": city.address, "domain": domain]
        }
        self.shared = shared
        var headers: [String: String] = [:]
        for current in [""] + (city == nil ? [] : province.categories.map(\.key)) {
            var values = shared
            if city != nil {
                values["categories"] = province.categories.map { item -> [String: Any] in
                    ["name": item.name, "url": "/categories/\(item.key)/", "current": item.key == current]
                }
            }
            headers[current] = templates.renderChrome("header", values)
        }
        self.headers = headers
        footer = templates.renderChrome("footer", shared)
    }

    /// The values of one page: its own over the site's shared ones.
    /// - Parameters:
    ///   - path: the page's path on its site, e.g. `/answers/fever/`.
    ///   - category: the category the page belongs to, marked current in the navigation.
    func page(title: String, description: String, path: String, category: String? = nil) -> PageValues {
        PageValues(chrome: self, values: [
            "title": title == siteName ? siteName : "\(title) - \(siteName)",
            "heading": title,
            "description": description,
            "canonical": "https://\(domain)\(path)",
            TemplateSet.chromeKey("header"): headers[category ?? ""] ?? headers[""] ?? "",
            TemplateSet.chromeKey("footer"): footer,
        ])
    }

    fileprivate func child(named name: String) -> Any? { shared[name] }
}

/// The context one template renders: the page's values, then the site's.
struct PageValues: MustacheParent {
    let chrome: SiteChrome
    var values: [String: Any]

    subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func child(named name: String) -> Any? { values[name] ?? chrome.child(named: name) }
}

/// An answer as listings show it, built once and shared by every site.
struct AnswerSummary: MustacheParent, Sendable {
    let title: String
    let url: String
    let excerpt: String
    let updated: String
    let updatedISO: String
    let categoryName: String
    let provincial: Bool

    init(_ page: PublishedAnswer, province: Province) {
        title = page.answer.title
        url = page.path
        excerpt = page.excerpt
        updated = page.answer.updated.chinese
        updatedISO = page.answer.updated.description
        categoryName = province.category(page.answer.category)?.name ?? ""
        provincial = page.answer.scope == .province
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "excerpt": excerpt
        case "updated": updated
        case "updatedISO": updatedISO
        case "categoryName": categoryName
        case "provincial": provincial
        default: nil
        }
    }
}
