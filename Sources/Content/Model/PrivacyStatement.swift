import Moderation

/// A site's privacy statement (`privacy:` of `portal.yml`), a Markdown file
/// of the content folder published at `/privacy/`. Read once, so that the
/// text moderation reads is the text the page shows.
package struct PrivacyStatement: Sendable {
    /// The path `portal.yml` gives, relative to the content folder.
    package let path: String
    /// The file itself.
    package let file: String
    package let source: String

    package init(path: String, file: String, source: String) {
        self.path = path
        self.file = file
        self.source = source
    }

    /// What readers see of it: the body as cmark renders it.
    package var readerTexts: [DerivedText] { ReaderView.read(body: source, firstLine: 1).texts }
}
