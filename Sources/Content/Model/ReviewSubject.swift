import Moderation

/// Something that reaches readers only after moderation and review: an
/// ``Answer``, or the ``Transcript`` of an audio or video file.
package protocol ReviewSubject: Sendable {
    /// `scope/id` (`province/flu`, `media/talk.mp3`): the name the ledger and reviewers use.
    var reference: String { get }
    /// Whose reviewers may decide on it.
    var scope: Scope { get }
    var title: String { get }
    /// The file, as the user named it.
    var file: String { get }
    /// The file as written: what moderation reads and reviewers see.
    var source: String { get }
    /// What readers see of it, with source lines (see ``ReaderView``).
    var readerTexts: [DerivedText] { get }
    /// SHA-256 that an approval is bound to.
    var fileHash: String { get }
    /// Never published (a reply to one caller, article 36).
    var isPrivate: Bool { get }
    /// Whether approving it keeps the approved bytes in `approved/`, so the
    /// approved revision stays online while a later edit waits for review.
    var keepsApprovedRevisions: Bool { get }
}
