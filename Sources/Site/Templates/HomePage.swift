/// A city site's home page: the newest answers and every category.
struct HomePage: TemplateContext {
    let latest: [AnswerSummary]
    let categoryList: [CategoryLink]

    static let keys: [String: TemplateKey<HomePage>] = [
        "latest": .list(\.latest), "categoryList": .list(\.categoryList),
    ]
}
