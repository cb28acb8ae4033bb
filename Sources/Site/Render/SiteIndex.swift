import Content
/// Lookups one site needs on many pages, computed once per site; a class, so
/// the closure of each of its pages holds one reference, not a copy.
final class SiteIndex: Sendable {
    let site: SitePlan.Site
    let chrome: SiteChrome
    /// Answers per category key, newest first.
    let byCategory: [String: [PublishedAnswer]]

    init(_ site: SitePlan.Site, chrome: SiteChrome) {
        self.site = site
        self.chrome = chrome
        byCategory = Dictionary(grouping: site.answers, by: \.answer.category)
    }

    /// Up to `limit` other answers of the same category.
    func related(to page: PublishedAnswer, limit: Int = 5) -> [PublishedAnswer] {
        Array((byCategory[page.answer.category] ?? []).lazy.filter { $0.slug != page.slug }.prefix(limit))
    }

    /// The site's categories with how many answers each lists here.
    func categoryLinks(_ categories: [Category]) -> [CategoryLink] {
        categories.map { category in
            var link = CategoryLink(category)
            link.count = byCategory[category.key]?.count ?? 0
            return link
        }
    }
}
