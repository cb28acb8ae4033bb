/// The provincial hub's home page.
struct HubPage: TemplateContext {
    let openedCount: Int

    static let keys: [String: TemplateKey<HubPage>] = ["openedCount": .number(\.openedCount)]
}
