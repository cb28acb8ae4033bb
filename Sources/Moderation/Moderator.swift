/// Scans texts against a lexicon and for callers' personal data.
/// Knows nothing of websites: text in, findings out.
public struct Moderator: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Every finding in `text`, in the order they appear.
    public func scan(_ text: String) -> [Finding] {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    /// Every finding in UTF-8 `bytes`, in the order they appear.
    public func scan(bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        NormalizedText.normalizing(bytes, reading: lexicon.reading, maxGap: Lexicon.maxGap) { findings(in: bytes, normalized: $0) }
    }

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, normalized: NormalizedText) -> [Finding] {
        let hits = lexicon.trie.matches(in: normalized)
        let allowed = hits.filter { lexicon.entries[Int($0.term)].list == .allow }
        func isAllowed(_ first: Int, _ last: Int) -> Bool {
            allowed.contains { $0.first <= first && $0.last >= last }
        }
        var located: [(rule: Rule, first: Int, last: Int, term: String?, label: String?)] = []
        for hit in hits {
            let entry = lexicon.entries[Int(hit.term)]
            guard let rule = entry.list.rule else { continue }
            located.append((rule, hit.first, hit.last, entry.term, entry.label))
        }
        for item in PersonalDataScanner.scan(normalized, allowedNumbers: lexicon.allowedNumbers)
        where !isAllowed(item.first, item.last) {
            located.append((item.rule, item.first, item.last, nil, nil))
        }
        located.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        var positions = TextPositions(bytes)
        return located.map { item in
            let range = Int(normalized.start[item.first])..<normalized.end(ofScalar: item.last, in: bytes)
            let (line, column) = positions.lineAndColumn(ofByte: range.lowerBound)
            return Finding(rule: item.rule, term: item.term,
                           matched: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                           line: line, column: column, label: item.label, byteRange: range)
        }
    }
}

/// Line and column of byte offsets, asked in increasing order: a cursor
/// that moves forward, so each byte is looked at once however many findings.
struct TextPositions {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// 1-based line, and 1-based column counted in Unicode scalars.
    /// Offsets must not decrease from one call to the next.
    mutating func lineAndColumn(ofByte target: Int) -> (Int, Int) {
        precondition(target >= offset, "positions are asked in increasing order")
        while offset < target {
            // Eight bytes at once when they hold no line break: count the bytes that start a scalar.
            var stop = target
            if offset + 8 <= target {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                let breaks = word ^ 0x0A0A_0A0A_0A0A_0A0A
                if (breaks &- 0x0101_0101_0101_0101) & ~breaks & 0x8080_8080_8080_8080 == 0 {
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    column += 8 - continuations.nonzeroBitCount
                    offset += 8
                    continue
                }
                stop = offset + 8
            }
            while offset < stop {
                let byte = bytes[offset]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
        }
        return (line, column)
    }
}
