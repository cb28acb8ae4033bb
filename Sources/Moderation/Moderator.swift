import Foundation

/// Scans texts against a lexicon and for callers' personal data.
/// Knows nothing of websites: text in, findings out.
package struct Moderator: Sendable {
    package let lexicon: Lexicon

    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Every finding in `text`, in the order they appear.
    /// - Parameter contacts: published contacts that are not a caller's (``Rule/publicContact``).
    package func scan(_ text: String, contacts: [PublicContact] = []) -> [Finding] {
        scan(text, contacts: contacts, writtenAsMarkdown: true)
    }

    /// - Parameter writtenAsMarkdown: whether `text` is Markdown as written, whose line breaks may end blocks
    ///   (read from the marks around them); a reader text marks its block ends itself (U+2029).
    private func scan(_ text: String, contacts: [PublicContact], writtenAsMarkdown: Bool) -> [Finding] {
        var text = text
        return text.withUTF8 { bytes in
            NormalizedText.normalizing(bytes, reading: lexicon.reading, maxGap: Lexicon.maxGap) {
                findings(in: bytes, normalized: $0, contacts: contacts, writtenAsMarkdown: writtenAsMarkdown)
            }
        }
    }

    /// Every finding in `source` as written and in what readers see of it,
    /// located in the source and in source order. A finding that only the
    /// derived texts show (markup hid it in the source, a YAML escape encoded
    /// it) is placed at its source line, at the column where its text stands
    /// there when it does, else at the line's first column; one the source scan
    /// also made is reported once.
    package func scan(_ source: String, asRead derived: [DerivedText], contacts: [PublicContact] = []) -> [Finding] {
        let written = scan(source, contacts: contacts)
        // Split only when a finding of the reader's view must be placed in them (most answers have none).
        var sourceLines = SourceLines(source)
        var found = written + readerFindings(derived.filter { !$0.isSummary }, alreadyFound: written, sourceLines: &sourceLines, contacts: contacts)
        // A summary adds only what nothing else showed: a term made by joining blocks. (The summaries are
        // scanned in one go, each apart from the next, their findings in order: an answer has ten of them,
        // the excerpt and the pieces a search result may show.)
        for finding in readerFindings(derived.filter(\.isSummary), alreadyFound: [], sourceLines: &sourceLines, contacts: contacts)
        where !found.contains(where: { $0.rule == finding.rule && $0.term == finding.term && Self.sameText($0, finding) }) {
            found.append(finding)
        }
        guard found.count > written.count else { return written }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Whether two findings matched the same text, white space aside (a term joined across blocks reads `内部 资料`).
    private static func sameText(_ a: Finding, _ b: Finding) -> Bool {
        a.term != nil || a.matched.filter { !$0.isWhitespace } == b.matched.filter { !$0.isWhitespace }
    }

    /// The findings in `derived` that `alreadyFound` (the scan of the source) does not hold, located at their source lines.
    private func readerFindings(_ derived: [DerivedText], alreadyFound written: [Finding], sourceLines: inout SourceLines,
                                contacts: [PublicContact]) -> [Finding] {
        // Each derived text ends with a private-use scalar: neither noise nor a
        // digit separator, so no term or number runs from one into the next.
        var joined = ""
        var origins: [Int] = []
        for text in derived where !text.isEmpty {
            joined += text.lines.joined(separator: "\n") + "\u{E000}\n"
            origins += text.sourceLines
        }
        guard !joined.isEmpty else { return [] }
        var alreadyFound: [FindingPlace: Int] = [:]
        for finding in written { alreadyFound[FindingPlace(finding, line: finding.line), default: 0] += 1 }
        var added: [Finding] = []
        for finding in scan(joined, contacts: contacts, writtenAsMarkdown: false) {
            let line = origins[min(finding.line, origins.count) - 1]
            let place = FindingPlace(finding, line: line)
            if let count = alreadyFound[place], count > 0 {
                alreadyFound[place] = count - 1
                continue
            }
            let written = sourceLines.line(line)
            added.append(finding.located(line: line, column: Self.column(of: finding.matched, in: written)))
        }
        return added
    }

    /// The lines of an answer as written, split when first asked for.
    private struct SourceLines {
        let source: String
        private var lines: [Substring]?

        init(_ source: String) { self.source = source }

        /// Line `number` (1-based), or nothing past the last.
        mutating func line(_ number: Int) -> Substring {
            let lines = self.lines ?? source.split(separator: "\n", omittingEmptySubsequences: false)
            self.lines = lines
            return number <= lines.count ? lines[number - 1] : ""
        }
    }

    /// Where a finding stands, for telling one found twice from two.
    private struct FindingPlace: Hashable {
        let rule: Rule
        let term: String?
        let line: Int

        init(_ finding: Finding, line: Int) {
            rule = finding.rule
            term = finding.term
            self.line = line
        }
    }

    /// The 1-based column (in scalars) where `matched` stands in `line`, or 1.
    /// Compares scalars as written (no Unicode equivalence, which is slow on
    /// long lines), and looks only in the first few thousand.
    private static func column(of matched: String, in line: Substring) -> Int {
        let needle = Array(matched.unicodeScalars)
        let haystack = Array(line.unicodeScalars.prefix(4096))
        guard let first = needle.first, needle.count <= haystack.count else { return 1 }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start + 1 }
        }
        return 1
    }

    /// Every finding in UTF-8 `bytes`, in the order they appear.
    package func scan(bytes: UnsafeBufferPointer<UInt8>, contacts: [PublicContact] = []) -> [Finding] {
        NormalizedText.normalizing(bytes, reading: lexicon.reading, maxGap: Lexicon.maxGap) {
            findings(in: bytes, normalized: $0, contacts: contacts, writtenAsMarkdown: true)
        }
    }

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, normalized: NormalizedText, contacts: [PublicContact],
                          writtenAsMarkdown: Bool) -> [Finding] {
        let hits = lexicon.trie.matches(in: normalized)
        /// A finding before it is located in the original: `entry` is the lexicon entry, or -1 for personal data.
        struct Located {
            let rule: Rule
            let first: Int
            let last: Int
            let entry: Int
            /// The organisation, for a contact from the directory.
            var organisation: String? = nil
        }
        var located: [Located] = []
        located.reserveCapacity(hits.count)
        for hit in hits {
            guard let rule = lexicon.entries[Int(hit.term)].list.rule,
                !Self.isSplitBySentence(hit, in: normalized, bytes: bytes, writtenAsMarkdown: writtenAsMarkdown) else { continue }
            located.append(Located(rule: rule, first: hit.first, last: hit.last, entry: Int(hit.term)))
        }
        let personalData = PersonalDataScanner.scan(normalized, bytes: bytes, allowedNumbers: lexicon.allowedNumbers)
        // An allow-list phrase that covers personal data (an office's published number) or a rare character (a
        // name: `朱镕基`) exempts it.
        let allowed = personalData.isEmpty && !normalized.hasRareCharacter ? [] : hits.filter { lexicon.entries[Int($0.term)].list == .allow }
        let isAllowed = { (first: Int, last: Int) in allowed.contains { $0.first <= first && $0.last >= last } }
        if !personalData.isEmpty {
            for item in personalData where !isAllowed(item.first, item.last) {
                // A number or address of the contact directory is shown to reviewers as that organisation's.
                if let contact = contacts.first(where: { $0.lists(item.value, rule: item.rule) }) {
                    located.append(Located(rule: .publicContact, first: item.first, last: item.last, entry: -1, organisation: contact.name))
                } else {
                    located.append(Located(rule: item.rule, first: item.first, last: item.last, entry: -1))
                }
            }
            located.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        }
        // Each run of rare ideographs, one finding (a name of two such characters is one).
        if normalized.hasRareCharacter {
            var index = 0
            while index < normalized.count {
                guard ScalarReading.isRare(normalized.ascii[index]) else {
                    index += 1
                    continue
                }
                var last = index
                while last + 1 < normalized.count, ScalarReading.isRare(normalized.ascii[last + 1]) { last += 1 }
                if !isAllowed(index, last) { located.append(Located(rule: .rareCharacter, first: index, last: last, entry: -1)) }
                index = last + 1
            }
            located.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        }
        // Byte ranges in the text as written; right-to-left characters may be
        // invisible ones that normalisation dropped, so they are found in the bytes.
        var spans = located.map { item in
            (rule: item.rule, bytes: Int(normalized.start[item.first])..<normalized.end(ofScalar: item.last, in: bytes), entry: item.entry,
             organisation: item.organisation)
        }
        let reordering = normalized.hasRightToLeft ? RightToLeft.ranges(in: bytes) : []
        if !reordering.isEmpty {
            spans += reordering.map { (rule: Rule.rightToLeft, bytes: $0, entry: -1, organisation: String?.none) }
            spans.sort { ($0.bytes.lowerBound, $0.bytes.upperBound) < ($1.bytes.lowerBound, $1.bytes.upperBound) }
        }
        var positions = TextPositions(bytes)
        return spans.map { item in
            let (line, column) = positions.lineAndColumn(ofByte: item.bytes.lowerBound)
            let entry = item.entry >= 0 ? lexicon.entries[item.entry] : nil
            return Finding(rule: item.rule, term: entry?.term,
                           matched: String(decoding: UnsafeBufferPointer(rebasing: bytes[item.bytes]), as: UTF8.self),
                           line: line, column: column, label: entry?.label ?? item.organisation)
        }
    }
}

extension Moderator {
    /// Whether a match runs across the end of a clause or sentence (`，` `。`
    /// `；` `：` `！` `？`, or the end of a heading, paragraph or list item)
    /// between words a reader reads apart — `科室内部，资料齐全` is no
    /// `内部资料` — rather than through a term spelled out one character at a
    /// time (`内，部，资，料`, every character set apart, still is one).
    static func isSplitBySentence(_ hit: TermTrie.Hit, in text: NormalizedText, bytes: UnsafeBufferPointer<UInt8>,
                                  writtenAsMarkdown: Bool = true) -> Bool {
        guard hit.lastSymbol > hit.firstSymbol else { return false }
        var endsClause = false
        var everyCharacterApart = true
        for symbol in hit.firstSymbol..<hit.lastSymbol {
            let from = Int(text.symbolPositions[symbol]) + 1
            let to = Int(text.symbolPositions[symbol + 1])
            if from == to { everyCharacterApart = false }
            for index in from..<to where clauseMarks.contains(text.ascii[index]) { endsClause = true }
            if !endsClause, writtenAsMarkdown, from < to, endsMarkdownBlock(from: Int(text.start[from]), to: Int(text.start[to]), in: bytes) {
                endsClause = true
            }
        }
        return endsClause && !everyCharacterApart
    }

    /// Whether the written gap `bytes[from..<to]` ends a Markdown block: a blank
    /// line, a heading line before the break, or a list item, quote or heading after it.
    private static func endsMarkdownBlock(from: Int, to: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let newline = (from..<to).first(where: { bytes[$0] == 0x0A }) else { return false }
        // The line before: is it a heading (`#` to `######`, then a space)? `#话题#` is not.
        var lineStart = newline
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineStart < newline, bytes[lineStart] == 0x20 { lineStart += 1 }
        var hashes = lineStart
        while hashes < newline, bytes[hashes] == 0x23 { hashes += 1 }
        if (1...6).contains(hashes - lineStart), hashes == newline || bytes[hashes] == 0x20 || bytes[hashes] == 0x09 { return true }
        // The line after: blank, or starting with a block marker.
        var next = newline + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return false }
        func spaceFollows(_ index: Int) -> Bool { index >= bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A }
        switch bytes[next] {
        case 0x0A, 0x0D, 0x3E: return true
        case 0x2D, 0x2A, 0x2B: return spaceFollows(next + 1)
        case 0x23:
            var hashes = next
            while hashes < bytes.count, bytes[hashes] == 0x23 { hashes += 1 }
            return hashes - next <= 6 && spaceFollows(hashes)
        default:
            var digit = next
            while digit < bytes.count, bytes[digit] >= 0x30 && bytes[digit] <= 0x39 { digit += 1 }
            return digit > next && digit < bytes.count && (bytes[digit] == 0x2E || bytes[digit] == 0x29)
        }
    }

    /// `,` `.` `;` `:` `!` `?` as normalised (full-width forms included; `。` reads `.`).
    private static let clauseMarks: Set<UInt8> = [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, ScalarReading.blockEnd]
}
