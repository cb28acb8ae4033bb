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

    init(_ page: PublishedAnswer, province: Province) {
        title = page.answer.title
        url = page.path
        excerpt = page.excerpt
        updated = page.answer.updated.chinese
        updatedISO = page.answer.updated.description
        categoryName = province.category(page.answer.category)?.name ?? ""
        provincial = page.answer.scope == .province
    }

    static let keys: [String: TemplateKey<AnswerSummary>] = [
        "title": .text(\.title), "url": .text(\.url), "excerpt": .text(\.excerpt), "updated": .text(\.updated),
        "updatedISO": .text(\.updatedISO), "categoryName": .text(\.categoryName), "provincial": .flag(\.provincial),
    ]
}
