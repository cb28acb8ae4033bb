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
    /// The PDFs the body links to, with their summaries.
    let attachments: [AttachmentItem]
    let related: [AnswerSummary]

    static let keys: [String: TemplateKey<AnswerPage>] = [
        "body": .html(\.body), "updated": .text(\.updated), "updatedISO": .text(\.updatedISO),
        "categoryName": .text(\.categoryName), "categoryURL": .address(\.categoryURL),
        "tags": .texts(\.tags), "hasTags": .flag { !$0.tags.isEmpty }, "provincial": .flag(\.provincial),
        "unreviewed": .flag(\.unreviewed), "media": .list(\.media), "hasMedia": .flag { !$0.media.isEmpty },
        "attachments": .list(\.attachments), "hasAttachments": .flag { !$0.attachments.isEmpty },
        "related": .list(\.related), "hasRelated": .flag { !$0.related.isEmpty },
    ]
}
