import Foundation
import Synchronization

/// The terms moderation looks for, from `classified.txt` (block),
/// `sensitive.txt` and `taboo.txt` (review), and the phrases of `allow.txt`
/// inside which nothing is reported. Built once: the term trie and how each scalar reads for it.
package struct Lexicon: Sendable {
    /// Which list an entry comes from.
    package enum List: String, Sendable, CaseIterable {
        case classified, sensitive, taboo, allow

        var rule: Rule? {
            switch self {
            case .classified: .classified
            case .sensitive: .sensitive
            case .taboo: .taboo
            case .allow: nil
            }
        }
    }

    package struct Entry: Sendable, Equatable {
        package let term: String
        package let list: List
        package let label: String?

        package init(term: String, list: List, label: String? = nil) {
            self.term = term
            self.list = list
            self.label = label
        }
    }

    /// Matched scalars may be separated by at most this many noise characters.
    package static let maxGap = 5

    let reading: ScalarReading
    let entries: [Entry]
    let trie: TermTrie
    /// Digit strings of allow-list entries that are numbers (the hotline, published office numbers).
    let allowedNumbers: Set<String>

    /// Traditional (and Japanese) character forms whose simplified form is
    /// one of `characters`, and that form: for search to read a query as
    /// moderation reads text (`預約掛號` finds `预约挂号`).
    package func simplifiedForms(of characters: Set<UInt32>) -> [UInt32: UInt32] {
        reading.table.simplified.filter { characters.contains($0.value) }
    }

    /// The normalisation every lexicon uses, made on first use: taken from
    /// the store a command named (``keepTable(in:)``) when it holds one, else computed (and saved there).
    private static let sharedTable = Result { () throws(ModerationSetupError) -> ScalarTable in
        let store = tableStore.withLock { $0 }
        if let table = store?.load().flatMap(ScalarTable.init(archived:)) { return table }
        let table = try ScalarTable()
        store?.save(table.archived)
        return table
    }

    private static let tableStore = Mutex<ScalarTableStore?>(nil)

    /// Keeps the normalisation table in `store` between processes; called before anything is moderated.
    package static func keepTable(in store: ScalarTableStore) {
        tableStore.withLock { $0 = store }
    }

    /// Builds a lexicon from entries.
    /// - Throws: ``LexiconErrors`` for a term empty or one character long after
    ///   normalisation, ``ModerationSetupError`` when OpenCC's data is missing.
    package init(entries: [Entry], sources: [(file: String, line: Int)]? = nil) throws {
        let table = try Self.sharedTable.get()
        var errors: [LexiconError] = []
        var kept: [(entry: Entry, scalars: [UInt32])] = []
        for (index, entry) in entries.enumerated() {
            let scalars = table.normalize(entry.term).filter { !$0.isNoise }.map(\.scalar)
            let source = sources?[index]
            let file = source?.file ?? "\(entry.list.rawValue).txt"
            if scalars.isEmpty {
                errors.append(LexiconError(file: file, line: source?.line, message: "`\(entry.term)` has no letters or characters left after normalisation.",
                                           fix: "Remove the line, or write the term itself."))
            } else if scalars.count == 1 && entry.list != .allow {
                errors.append(LexiconError(file: file, line: source?.line, message: "`\(entry.term)` is a single character and would flag most texts.",
                                           fix: "Write the whole word or phrase, e.g. `代孕` rather than `孕`."))
            } else {
                kept.append((entry, scalars))
            }
        }
        if !errors.isEmpty { throw LexiconErrors(errors: errors) }
        // Equal terms keep the strictest list: classified before sensitive, taboo, allow.
        let order = Dictionary(uniqueKeysWithValues: List.allCases.enumerated().map { ($1, $0) })
        kept.sort { order[$0.entry.list]! < order[$1.entry.list]! }
        self.entries = kept.map(\.entry)
        self.trie = TermTrie(terms: kept.map(\.scalars))
        self.reading = ScalarReading(table: table, trie: trie)
        self.allowedNumbers = Set(kept.filter { $0.entry.list == .allow }.compactMap { item in
            let digits = item.scalars.filter { $0 >= 0x30 && $0 <= 0x39 }
            return digits.count == item.scalars.count ? String(decoding: digits.map(UInt8.init), as: UTF8.self) : nil
        })
    }

    /// Loads `classified.txt`, `sensitive.txt`, `taboo.txt` and `allow.txt`
    /// from `directory`. Fails closed: a missing or unreadable file is an
    /// error, never an empty list (an empty file is a list with no terms).
    /// - Parameter read: the bytes of a file by its path (`nil`: missing or unreadable): the disk's, or
    ///   those a caller read once already, so that the lexicon is made from the very bytes it hashed.
    package static func load(directory: String,
                             reading read: (String) -> Data? = { FileManager.default.contents(atPath: $0) }) throws -> Lexicon {
        var entries: [Entry] = []
        var sources: [(file: String, line: Int)] = []
        var errors: [LexiconError] = []
        for list in List.allCases {
            let file = "\(directory)/\(list.rawValue).txt"
            guard let data = read(file) else {
                // A folder, a pipe or a device where the list should be is there, but holds no list.
                let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
                let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
                errors.append(type != nil && type != .typeRegular
                    ? LexiconError(file: file, line: nil, message: "This is not a file but a folder, a pipe or a device, so the lexicon cannot be read from it and answers cannot be moderated.",
                                   fix: "Put \(list.rawValue).txt back as an ordinary text file (an empty file is allowed).")
                    : LexiconError(file: file, line: nil, message: "The lexicon file is missing or cannot be read, so answers cannot be moderated.",
                                   fix: "Restore \(list.rawValue).txt in the lexicon folder (an empty file is allowed) and check that it is readable."))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                errors.append(LexiconError(file: file, line: invalidLine(data), message: "The file is not valid UTF-8 text.",
                                           fix: "Save it as UTF-8."))
                continue
            }
            for (entry, line) in Self.entries(in: text, list: list) {
                entries.append(entry)
                sources.append((file, line))
            }
        }
        if !errors.isEmpty { throw LexiconErrors(errors: errors) }
        return try Lexicon(entries: entries, sources: sources)
    }

    /// The entries of one list file's text, with their lines (the fuzzing entry point of the lexicon reader).
    package static func entries(in text: String, list: List) -> [(entry: Entry, line: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, rawLine in
            LexiconLine(rawLine).map { (Entry(term: $0.term, list: list, label: $0.label), offset + 1) }
        }
    }

    /// `term` as the matcher reads it, noise left out (what makes a term valid or empty).
    package static func normalizedTerm(_ term: String) throws -> [UInt32] {
        try sharedTable.get().normalize(term).filter { !$0.isNoise }.map(\.scalar)
    }

    private static func invalidLine(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let end = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[index..<end], as: UTF8.self) == nil { return line }
            line += 1
            index = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}
