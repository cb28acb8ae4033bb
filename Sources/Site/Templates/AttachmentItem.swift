/// A PDF an answer links to, listed under the answer with its reviewed summary.
struct AttachmentItem: TemplateContext {
    /// The file's name in `media/`.
    let title: String
    let url: String
    let summary: String
    /// e.g. `PDF，120 KB`.
    let details: String

    init(_ media: PublishedMedia) {
        title = media.name
        url = media.url
        summary = media.description
        let kilobytes = max(1, (media.bytes.count + 1023) / 1024)
        details = kilobytes >= 1024 ? "PDF，\(kilobytes / 1024).\(kilobytes % 1024 * 10 / 1024) MB" : "PDF，\(kilobytes) KB"
    }

    static let keys: [String: TemplateKey<AttachmentItem>] = [
        "title": .text(\.title), "url": .address(\.url), "summary": .text(\.summary), "details": .text(\.details),
    ]
}
