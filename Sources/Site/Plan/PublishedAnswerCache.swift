import Content
import Markdown
import Synchronization

/// Answers rendered by earlier plans of the same content (the preview), by
/// file. A rendering is reused only for the same answer (the object
/// ``AnswerFileCache`` gives back for an unchanged file, read against the same
/// portal.yml) at the same address when every `answer:` link and media file it
/// asked about resolves as it did then: it is a function of those alone.
package final class PublishedAnswerCache: Sendable {
    struct Entry: Sendable {
        let fileHash: String
        let slug: String
        let links: [(id: String, target: MarkdownDocument.LinkTarget)]
        let media: [(name: String, target: MarkdownDocument.MediaTarget?)]
        let page: PublishedAnswer
    }

    private let entries = Mutex<[String: Entry]>([:])

    package init() {}

    /// Every kept rendering, for one plan to look up without taking a lock per answer.
    var snapshot: [String: Entry] { entries.withLock { $0 } }

    /// The kept rendering of `answer` in `snapshot`, if still valid under these resolvers.
    static func page(in snapshot: [String: Entry], for answer: Answer, slug: String, resolveAnswerLink: (String) -> MarkdownDocument.LinkTarget,
                     resolveMedia: (String) -> MarkdownDocument.MediaTarget?) -> PublishedAnswer? {
        guard let entry = snapshot[answer.file], entry.page.answer === answer, entry.fileHash == answer.fileHash, entry.slug == slug,
            entry.links.allSatisfy({ resolveAnswerLink($0.id) == $0.target }),
            entry.media.allSatisfy({ resolveMedia($0.name) == $0.target })
        else { return nil }
        return entry.page
    }

    func keep(_ entry: Entry, for file: String) {
        entries.withLock { $0[file] = entry }
    }

    /// Drops the renderings of files no longer published.
    func keep(only files: Set<String>) {
        entries.withLock { entries in
            for file in entries.keys where !files.contains(file) { entries[file] = nil }
        }
    }
}
