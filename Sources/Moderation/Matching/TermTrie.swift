/// The lexicon's terms in a trie over normalised scalars, built once per
/// lexicon, and the leftmost-longest search of a text against them.
///
/// Scalars that occur in some term get dense symbol numbers; any other scalar
/// cannot be part of a match. The search tries each start position left to
/// right and walks the trie from there; the deepest node where a term ends is
/// the longest match starting there, and the search resumes after it. That is
/// leftmost-longest by construction, with no failure links and no sorting.
/// A walk from one position takes at most as many steps as the longest term;
/// most end after one or two, and since a walk does not depend on the one
/// before, the processor works on several at a time (an Aho-Corasick step
/// waits for the previous state).
struct TermTrie: Sendable {
    /// A term found in the text.
    struct Hit: Equatable {
        let term: Int32
        /// Index of the first and last normalised scalar of the match.
        let first: Int
        let last: Int
        /// Index of the first and last symbol of the match.
        let firstSymbol: Int
        let lastSymbol: Int
    }

    private let tables: Tables

    /// - Parameter terms: each a sequence of normalised, non-noise scalars (at least one).
    ///   When two terms are equal, the one listed first is kept.
    init(terms: [[UInt32]]) {
        tables = Tables(terms: terms)
    }

    /// The symbol of a normalised scalar: 0 when no term contains it.
    @inline(__always)
    func symbol(of scalar: UInt32) -> UInt32 {
        scalar < 0x10000 ? tables.planeSymbols[Int(scalar)] : tables.otherSymbols[scalar] ?? 0
    }

    /// The leftmost-longest matches in `text`, in order, none overlapping.
    func matches(in text: NormalizedText) -> [Hit] {
        var hits: [Hit] = []
        let symbols = text.symbols
        let positions = text.symbolPositions
        let count = symbols.count
        let tables = tables
        var position = 0
        while position < count {
            let first = symbols[position]
            if first == 0 {
                position += 1
                continue
            }
            // Walk the trie from here; remember the deepest node where a term ends.
            guard tables.isRootChild(Int(first)) else {
                position += 1
                continue
            }
            var node = Int(first)
            var term: Int32 = -1
            var end = position
            if tables.endsTerm(node) { term = tables.terms[node] }
            var cursor = position + 1
            while cursor < count {
                let symbol = symbols[cursor]
                guard symbol != 0, let next = tables.child(of: node, symbol) else { break }
                node = next
                if tables.endsTerm(node) {
                    term = tables.terms[node]
                    end = cursor
                }
                cursor += 1
            }
            if term >= 0 {
                hits.append(Hit(term: term, first: Int(positions[position]), last: Int(positions[end]),
                                firstSymbol: position, lastSymbol: end))
                position = end + 1
            } else {
                position += 1
            }
        }
        return hits
    }
}

