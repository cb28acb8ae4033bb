import Moderation

/// The transcript of an audio or video file under `media/` (`<file>.txt`):
/// article 37 wants online audio and video reviewed, and a reviewer reads
/// the transcript. Its hash binds the recording's bytes too, so replacing
/// the recording sends it back to review. Shown on the pages of the answers
/// that present the file, which publish only once it is cleared.
package struct Transcript: ReviewSubject {
    /// The media file's name, e.g. `flu-talk.mp3`.
    package let name: String
    package let text: String
    /// The transcript file.
    package let file: String
    package let fileHash: String

    package init(name: String, text: String, file: String, fileHash: String) {
        self.name = name
        self.text = text
        self.file = file
        self.fileHash = fileHash
    }

    package var reference: String { "media/\(name)" }
    package var scope: Scope { .media }
    package var title: String { "音视频文字稿：\(name)" }
    package var source: String { text }
    /// Plain text: readers see it as written.
    package var readerTexts: [DerivedText] { [] }
    package var isPrivate: Bool { false }
    /// Only answers' revisions are kept: a transcript edit takes the recording offline until approved.
    package var keepsApprovedRevisions: Bool { false }
}
