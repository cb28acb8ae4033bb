import Moderation

/// The reviewed text of a file under `media/` (`<file>.txt`): the transcript
/// of an audio or video file (article 37 wants online audio and video
/// reviewed, and a reviewer reads the transcript), the alt text of an image,
/// the summary of a PDF. Its hash binds the media file's bytes too, so
/// replacing the file sends it back to review. Shown on the pages of the
/// answers that present the file, which publish only once it is cleared.
package struct Transcript: ReviewSubject {
    /// The media file's name, e.g. `flu-talk.mp3`.
    package let name: String
    package let text: String
    /// The transcript file.
    package let file: String
    package let fileHash: String
    package let kind: MediaKind
    /// The text inside the media file itself, which its readers see too (a
    /// PDF's pages): moderated with the description, its findings placed on
    /// the description's first line.
    package let fileText: String?
    /// SHA-256 of the media file's bytes as they were checked: the bytes the sites may publish.
    package let mediaHash: String

    package init(name: String, kind: MediaKind, text: String, file: String, fileHash: String, fileText: String? = nil, mediaHash: String = "") {
        self.mediaHash = mediaHash
        self.name = name
        self.kind = kind
        self.fileText = fileText
        self.text = text
        self.file = file
        self.fileHash = fileHash
    }

    package var reference: String { "media/\(name)" }
    package var scope: Scope { .media }
    package var title: String { "\(kind.descriptionName)：\(name)" }
    package var source: String { text }
    /// The description as a page shows it (its lines run together); a PDF's own text is read besides.
    package var readerTexts: [DerivedText] { ReaderView.shownInOneLine(text) + (fileText.map { [DerivedText($0, line: 1)] } ?? []) }
    package var isPrivate: Bool { false }
    /// Only answers' revisions are kept: a transcript edit takes the recording offline until approved.
    package var keepsApprovedRevisions: Bool { false }
}
