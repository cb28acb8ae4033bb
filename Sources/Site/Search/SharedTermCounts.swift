import Content
import Synchronization

/// Each answer's ``TermCounts`` for the search indexes of one build's sites,
/// made from its plain text once: an answer several sites list (a provincial
/// one, on every city's site and the hub) is kept only until the last of them
/// has asked for it, and one only its city lists is not kept at all. A build
/// then holds the terms of the sites it is indexing and of the provincial
/// answers until the last site listing them, not the province's: those
/// of 4x the benchmark's province held at once were 111 MB of the build's peak.
final class SharedTermCounts: Sendable {
    private struct Entry {
        var counts: TermCounts?
        /// The sites still to ask for it.
        var uses: Int
    }

    private let entries: Mutex<[String: Entry]>

    /// - Parameter sites: the answers of each site whose index is to be made.
    init(sites: [[PublishedAnswer]]) {
        var uses: [String: Int] = [:]
        for answers in sites {
            for page in answers { uses[page.answer.file, default: 0] += 1 }
        }
        entries = Mutex(uses.filter { $0.value > 1 }.mapValues { Entry(counts: nil, uses: $0) })
    }

    /// The answers whose terms are kept (for the tests).
    var keptFiles: Set<String> {
        entries.withLock { Set($0.filter { $0.value.counts != nil }.keys) }
    }

    /// The terms of `page`, for the index of one site that lists it (each site asks once per answer);
    /// made again if asked for more often, never wrong.
    func counts(of page: PublishedAnswer) -> TermCounts {
        let file = page.answer.file
        // nil: no site to come lists it; .some(nil): one does, and it is not made yet.
        let kept: TermCounts?? = entries.withLock { entries in
            guard var entry = entries[file] else { return nil }
            entry.uses -= 1
            entries[file] = entry.uses > 0 ? entry : nil
            return .some(entry.counts)
        }
        if case .some(.some(let counts)) = kept { return counts }
        let counts = TermCounts(body: page.plainText, fields: [page.answer.title] + page.answer.tags)
        if kept != nil {
            entries.withLock { entries in
                if entries[file] != nil, entries[file]?.counts == nil { entries[file]?.counts = counts }
            }
        }
        return counts
    }

    /// Gives up the claims of one site's index, kept without being made, on the terms of `pages`: terms
    /// kept for it would otherwise be held until the build ends.
    func forgo(_ pages: [PublishedAnswer]) {
        entries.withLock { entries in
            for page in pages {
                guard var entry = entries[page.answer.file] else { continue }
                entry.uses -= 1
                entries[page.answer.file] = entry.uses > 0 ? entry : nil
            }
        }
    }
}
