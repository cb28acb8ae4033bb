/// One answer's page.
struct AnswerPage: TemplateContext {
    /// The body as cmark rendered it in safe mode.
    let body: String
    let updated: String
    let updatedISO: String
    let categoryName: String
    let categoryURL: String
    let tags: [String]
    let provincial: Bool
    /// Shown only in preview, with a banner: not yet approved.
    let unreviewed: Bool
    let media: [MediaItem]
    let related: [AnswerSummary]

    static let keys: [String: TemplateKey<AnswerPage>] = [
        "body": .html(\.body), "updated": .text(\.updated), "updatedISO": .text(\.updatedISO),
        "categoryName": .text(\.categoryName), "categoryURL": .text(\.categoryURL),
        "tags": .texts(\.tags), "hasTags": .flag { !$0.tags.isEmpty }, "provincial": .flag(\.provincial),
        "unreviewed": .flag(\.unreviewed), "media": .list(\.media), "hasMedia": .flag { !$0.media.isEmpty },
        "related": .list(\.related), "hasRelated": .flag { !$0.related.isEmpty },
    ]
}
