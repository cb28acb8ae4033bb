/// Where the current revision of an answer or transcript stands.
package enum ReviewStatus: Sendable, Equatable {
    /// Approved for exactly this text and these findings, or clean under `review: flagged`.
    case publishable
    case awaitingReview
    case rejected(reviewer: String, note: String)
    /// A `block` finding: never published, cannot be approved.
    case blocked
    case `private`
    /// The answer presents a media file whose transcript is not cleared.
    case mediaNotCleared(String)
}
