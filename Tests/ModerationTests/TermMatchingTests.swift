import Moderation
import TestSupport
import Testing

/// The term matcher against a plain reading of "leftmost-longest, up to five
/// noise characters between the characters of a term", on random lexicons
/// and texts: many terms sharing prefixes, terms inside terms, long and short
/// noise runs, characters no term uses, one-character allow-list entries.
struct TermMatchingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let alphabet: String
        let terms: ClosedRange<Int>
        let rounds: Int
        var testDescription: String { "\(alphabet.count) characters, \(terms) terms" }
    }

    static let cases: [Case] = [
        // Few characters: terms overlap, nest and share prefixes everywhere.
        .init(alphabet: "甲乙丙丁戊", terms: 1...30, rounds: 400),
        // More characters and terms: a trie with many nodes side by side.
        .init(alphabet: "的一是在不了有和人这中大为上个我以要他时来用们生到作地出就分对成会可主年动同工也能下过子说",
              terms: 200...3000, rounds: 12),
    ]

    @Test(arguments: cases)
    func findingsAreTheLeftmostLongestMatches(_ setup: Case) throws {
        var random = SplitMix64(seed: UInt64(setup.alphabet.count))
        let alphabet = Array(setup.alphabet)
        for round in 0..<setup.rounds {
            let lexicon = randomLexicon(alphabet: alphabet, count: Int.random(in: setup.terms, using: &random), using: &random)
            let text = randomText(alphabet: alphabet, length: Int.random(in: 0...400, using: &random), using: &random)
            let found = Moderator(lexicon: try Lexicon(entries: lexicon)).scan(text)
                .map { Match(term: $0.term ?? "", matched: $0.matched, line: $0.line, column: $0.column) }
            let expected = Self.leftmostLongest(lexicon, in: text)
            #expect(found == expected, "round \(round): \(text.debugDescription)")
            if found != expected { return }
        }
    }

    struct Match: Equatable {
        let term: String
        let matched: String
        let line: Int
        let column: Int
    }

    static let noise: Set<Character> = [" ", "*", "\n"]
    static let maxGap = 5

    /// The reference: at each non-noise character from the left, the longest
    /// term that reads there (skipping at most `maxGap` noise characters between
    /// its characters); report it unless it is an allow-list entry, or it runs
    /// across the end of a Markdown block (a line break, then a blank line or a
    /// `*` item: a `*` then a space or a line end; `**` is emphasis, as in
    /// CommonMark) without every character set apart; go on after it.
    static func leftmostLongest(_ entries: [Lexicon.Entry], in text: String) -> [Match] {
        let characters = Array(text)
        let letters = characters.indices.filter { !noise.contains(characters[$0]) }
        var matches: [Match] = []
        var start = 0
        while start < letters.count {
            var best: (entry: Lexicon.Entry, length: Int)?
            for entry in entries {
                let term = Array(entry.term)
                guard start + term.count <= letters.count else { continue }
                let reads = term.indices.allSatisfy { offset in
                    characters[letters[start + offset]] == term[offset]
                        && (offset == 0 || letters[start + offset] - letters[start + offset - 1] - 1 <= maxGap)
                }
                if reads && term.count > (best?.length ?? 0) { best = (entry, term.count) }
            }
            guard let best else {
                start += 1
                continue
            }
            let positions = letters[start..<start + best.length]
            let gaps = zip(positions, positions.dropFirst()).map { Array(characters[($0 + 1)..<$1]) }
            let crossesBlock = gaps.contains { gap in
                guard let newline = gap.firstIndex(of: "\n") else { return false }
                // After the break, past spaces: a blank line or an item marker (`*` then a space or a line end).
                let rest = gap[(newline + 1)...].drop { $0 == " " }
                return rest.first == "\n" || (rest.first == "*" && rest.dropFirst().first.map { $0 == " " || $0 == "\n" } == true)
            }
            if best.entry.list != .allow, !(crossesBlock && gaps.contains(where: \.isEmpty)) {
                let first = letters[start], last = letters[start + best.length - 1]
                let before = characters[..<first]
                let line = before.count { $0 == "\n" } + 1
                let column = first - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
                matches.append(Match(term: best.entry.term, matched: String(characters[first...last]), line: line, column: column))
            }
            start += best.length
        }
        return matches
    }

    /// Distinct terms of 2–6 characters as sensitive entries, and a few allow-list entries of 1–3.
    func randomLexicon(alphabet: [Character], count: Int, using random: inout SplitMix64) -> [Lexicon.Entry] {
        var seen: Set<String> = []
        var entries: [Lexicon.Entry] = []
        for index in 0..<count {
            let allow = index % 10 == 9
            let length = allow ? Int.random(in: 1...3, using: &random) : Int.random(in: 2...6, using: &random)
            let term = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            guard seen.insert(term).inserted else { continue }
            entries.append(.init(term: term, list: allow ? .allow : .sensitive))
        }
        return entries
    }

    /// Mostly the lexicon's characters, with noise runs of 1–7 and an `x` no term uses.
    func randomText(alphabet: [Character], length: Int, using random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<length {
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<3: text += String(repeating: Self.noise.randomElement(using: &random)!, count: Int.random(in: 1...7, using: &random))
            case 3: text += "x"
            default: text.append(alphabet.randomElement(using: &random)!)
            }
        }
        return text
    }
}
