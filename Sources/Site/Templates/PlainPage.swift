/// A page with nothing of its own beyond its head and the site's values
/// (search, page not found).
struct PlainPage: TemplateContext {
    static let keys: [String: TemplateKey<PlainPage>] = [:]
}
