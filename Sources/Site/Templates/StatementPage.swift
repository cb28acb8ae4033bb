/// A site's privacy statement, its Markdown rendered by cmark in safe mode.
struct StatementPage: TemplateContext {
    let body: String

    static let keys: [String: TemplateKey<StatementPage>] = ["body": .html(\.body)]
}
