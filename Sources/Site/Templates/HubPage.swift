/// The provincial hub's home page: every city's site, and the provincial
/// answers that residents of every city, planned ones too, can use.
struct HubPage: TemplateContext {
    let openedCount: Int
    let latest: [AnswerSummary]
    let categoryList: [CategoryLink]
    /// The newest provincial answer's date (empty without answers).
    let updated: String
    let updatedISO: String

    static let keys: [String: TemplateKey<HubPage>] = [
        "openedCount": .number(\.openedCount), "latest": .list(\.latest), "categoryList": .list(\.categoryList),
        "updated": .text(\.updated), "updatedISO": .text(\.updatedISO), "hasUpdated": .flag { !$0.updated.isEmpty },
    ]
}
