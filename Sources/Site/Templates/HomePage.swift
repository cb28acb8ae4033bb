/// A city site's home page: the newest answers and every category.
struct HomePage: TemplateContext {
    let latest: [AnswerSummary]
    let categoryList: [CategoryLink]
    /// The newest answer's date, shown as the page's update date (empty without answers).
    let updated: String
    let updatedISO: String

    static let keys: [String: TemplateKey<HomePage>] = [
        "latest": .list(\.latest), "categoryList": .list(\.categoryList),
        "updated": .text(\.updated), "updatedISO": .text(\.updatedISO), "hasUpdated": .flag { !$0.updated.isEmpty },
    ]
}
