import Content

/// A category in a site's menu or on its home page.
struct CategoryLink: TemplateContext, Hashable {
    let key: String
    let name: String
    /// Whether the page rendered belongs to it.
    var current = false
    /// The answers it lists on this site, where shown.
    var count = 0

    init(_ category: Category) {
        key = category.key
        name = category.name
    }

    static let keys: [String: TemplateKey<CategoryLink>] = [
        "name": .text(\.name), "url": .address { "/categories/\($0.key)/" }, "current": .flag(\.current), "count": .number(\.count),
    ]
}
