/// One `<meta name="…" content="…">` of a page: the names the government
/// web page design convention (政府网站网页设计规范) gives crawlers and
/// inspectors — `SiteName`, `ColumnName`, `ArticleTitle`, `PubDate`…
struct MetaTag: TemplateContext {
    let name: String
    let content: String

    /// The column type of a category of answers to residents' questions.
    static let answerColumnType = "互动交流"

    static let keys: [String: TemplateKey<MetaTag>] = ["name": .text(\.name), "content": .text(\.content)]
}
