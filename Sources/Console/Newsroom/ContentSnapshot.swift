import Content
import Review

/// The content folder loaded and judged once: the province, every answer
/// with its findings and review status. Kept until a file of the folder changes.
struct ContentSnapshot: Sendable {
    let signature: [String: FileStamp]
    let content: ProvinceContent
    let board: ReviewBoard
}
