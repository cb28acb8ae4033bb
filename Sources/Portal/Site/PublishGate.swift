/// Decides which answers may be published, and says why the others are held back.
/// Fail closed: an answer is published only when every condition holds.
public struct PublishGate: Sendable {
    /// An answer kept out of every output, with the reason.
    public struct HeldBack: Sendable, Equatable {
        public let reference: String
        public let file: String
        public let reason: String
    }

    public init() {}

    /// Splits `answers` into those to publish and those held back.
    public func split(_ answers: [Answer]) -> (publishable: [Answer], heldBack: [HeldBack]) {
        var publishable: [Answer] = []
        var heldBack: [HeldBack] = []
        for answer in answers {
            if answer.visibility == .private {
                heldBack.append(HeldBack(reference: answer.reference, file: answer.file,
                                         reason: "private: a reply to one caller (article 36)"))
            } else {
                publishable.append(answer)
            }
        }
        return (publishable, heldBack)
    }
}
