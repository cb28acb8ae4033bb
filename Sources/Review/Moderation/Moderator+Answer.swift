import Content
import Moderation

extension Moderator {
    /// The findings of `answer`: its file as written and what readers see of it, with the contacts its
    /// scope may show. The one scan of an answer, wherever it is made (the board, the scan as read, the
    /// console's preview), so that findings made while the answer was read and those the board makes are the same.
    package func scan(_ answer: Answer, contacts: ContactDirectory) -> [Finding] {
        scan(answer.source, asRead: answer.readerTexts, contacts: contacts.contacts(for: answer.scope))
    }
}
