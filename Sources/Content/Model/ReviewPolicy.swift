import Foundation

/// When an answer needs a reviewer's decision before it is published.
package enum ReviewPolicy: String, Sendable {
    /// Every public answer needs an approval for its current text (article 37).
    case all
    /// Only answers with moderation findings need one.
    case flagged
}
