import Content

/// An answer as listings show it, built once and shared by every site.
struct AnswerSummary: TemplateContext {
    let title: String
    let url: String
    let excerpt: String
    let updated: String
    let updatedISO: String
    let categoryName: String
    let provincial: Bool

    /// - Parameters:
    ///   - path: the answer's address on its sites.
    ///   - excerpt: the first sentences of its text.
    ///   - categoryName: the name of its category.
    init(_ answer: Answer, path: String, excerpt: String, categoryName: String) {
        title = answer.title
        url = path
        self.excerpt = excerpt
        updated = answer.updated.chinese
        updatedISO = answer.updated.description
        self.categoryName = categoryName
        provincial = answer.scope == .province
    }

    static let keys: [String: TemplateKey<AnswerSummary>] = [
        "title": .text(\.title), "url": .address(\.url), "excerpt": .text(\.excerpt), "updated": .text(\.updated),
        "updatedISO": .text(\.updatedISO), "categoryName": .text(\.categoryName), "provincial": .flag(\.provincial),
    ]
}
