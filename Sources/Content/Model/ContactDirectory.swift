import Moderation

/// `lexicon/contacts.yml`: the published telephone numbers and e-mail
/// addresses of organisations (hospitals, health offices), kept by the
/// provincial centre like the rest of the lexicon. An answer may show those
/// of its own scope and of the province; any other number stays a caller's.
package struct ContactDirectory: Sendable {
    /// Each organisation with the scope it is listed for.
    package let entries: [(scope: Scope, contact: PublicContact)]

    package static let empty = ContactDirectory(entries: [])

    /// The file, below the content folder.
    package static func file(_ contentDirectory: String) -> String { contentDirectory + "/lexicon/contacts.yml" }

    /// The contacts an answer of `scope` may show: the province's and, for a city answer, that city's.
    /// Media transcripts, shown on every city's pages, may show the province's only.
    /// A province entry matches only as written with its area code: without it, the same digits dialled in another city reach someone else.
    package func contacts(for scope: Scope) -> [PublicContact] {
        entries.filter { $0.scope == .province || $0.scope == scope }.map { $0.contact.matchingLocalForm($0.scope != .province) }
    }
}
