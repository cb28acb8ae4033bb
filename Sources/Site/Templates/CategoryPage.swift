/// One category's list of answers on a city site.
struct CategoryPage: TemplateContext {
    let answers: [AnswerSummary]

    static let keys: [String: TemplateKey<CategoryPage>] = [
        "answers": .list(\.answers), "empty": .flag(\.answers.isEmpty),
    ]
}
