import Content
import Crypto
import Foundation
import Moderation
import Synchronization

/// Moderation results kept between loads of the same content (the preview):
/// the lexicon's moderator while the lexicon folder's files are unchanged,
/// and each answer's findings while it is the same answer (the same object,
/// which ``AnswerFileCache`` gives back for an unchanged file) and the
/// contact directory is the same. A changed lexicon starts afresh. The
/// lexicon is hashed before it is read, so an edit racing the read makes the
/// next load start afresh too.
package final class FindingsCache: Sendable {
    private struct State {
        var lexicon = ""
        var moderator: Moderator?
        /// The contacts every scope may show, as written out.
        var contacts = ""
        /// By answer; the entry holds the answer, so its identity is never reused while kept.
        var findings: [ObjectIdentifier: (answer: Answer, findings: [Finding])] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    /// The moderator of the content's lexicon, built again only when a file of the lexicon changed.
    func moderator(for contentDirectory: String) throws(ContentErrors) -> Moderator {
        let folder = contentDirectory + "/lexicon"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var bytes = Data()
        for name in names {
            bytes += Data(name.utf8) + [0]
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))) ?? Data()
            bytes += [0]
        }
        let key = SHA256.hex(bytes)
        if let kept = state.withLock({ $0.lexicon == key ? $0.moderator : nil }) { return kept }
        let moderator = try ReviewBoard.moderator(for: contentDirectory)
        state.withLock { $0 = State(lexicon: key, moderator: moderator) }
        return moderator
    }

    /// Forgets every answer's findings unless the contact directory is the same as last time.
    func use(contacts: String) {
        state.withLock { state in
            if state.contacts != contacts {
                state.contacts = contacts
                state.findings = [:]
            }
        }
    }

    /// The findings of `answer`, scanned once.
    func findings(of answer: Answer, scan: () -> [Finding]) -> [Finding] {
        let id = ObjectIdentifier(answer)
        if let kept = state.withLock({ $0.findings[id] }), kept.answer === answer { return kept.findings }
        let findings = scan()
        state.withLock { $0.findings[id] = (answer, findings) }
        return findings
    }

    /// Drops the findings of answers no longer loaded.
    func keep(only answers: [Answer]) {
        let kept = Set(answers.map(ObjectIdentifier.init))
        state.withLock { state in
            for id in state.findings.keys where !kept.contains(id) { state.findings[id] = nil }
        }
    }
}
