/// One category's answers, listed under its name on a page of several categories.
struct CategorySection: TemplateContext {
    let name: String
    let url: String
    let answers: [AnswerSummary]

    static let keys: [String: TemplateKey<CategorySection>] = [
        "name": .text(\.name), "url": .address(\.url), "answers": .list(\.answers),
    ]
}
