/// How each written scalar reads for one lexicon, in one 32-bit entry: the
/// normalised scalar as personal-data detection sees it (its ASCII byte),
/// whether it is noise, whether it may start or end personal data, and its
/// symbol in the lexicon's term trie. Entries of the BMP are computed once;
/// scalars that normalise to nothing or to several scalars, and those outside
/// the BMP, go through ``ScalarTable`` each time.
struct ScalarReading: Sendable {
    typealias Entry = UInt32

    let table: ScalarTable
    let trie: TermTrie
    private let entries: Entries

    /// Bits 0–7: the ASCII byte (`dash`, `other`; white space reads as a space).
    static let noiseBit: Entry = 1 << 8
    /// Set on BMP entries that are one normalised scalar; unset: ask the table.
    private static let singleBit: Entry = 1 << 9
    /// A digit, `@`, `#`, `t` (the end of ` at`), a closing bracket (the end of `(at)`), or a right-to-left letter.
    static let markBit: Entry = 1 << 10
    /// Bits 11–31: the trie symbol. Scalars stop at U+10FFFF, so symbols fit.
    private static let symbolShift: Entry = 11

    /// The ASCII byte of the Unicode dashes U+2010–2014, which may separate digit groups.
    static let dash: UInt8 = 0x80
    /// The ASCII byte of any other non-ASCII scalar.
    static let other: UInt8 = 0xFF
    /// The paragraph separator U+2029, which the reader text puts where a block ends: it ends a
    /// clause and may stand between the digit groups of one number, but is no dot of an e-mail domain.
    static let blockEnd: UInt8 = 0x82
    /// The ASCII byte of right-to-left letters (marked, so the text notes it has one).
    static let rightToLeft: UInt8 = 0x81
    /// The ASCII byte of every other non-ASCII punctuation mark and symbol (`；` reads `;` already): quotation
    /// marks, book-title marks, arrows, emoji… May separate digit groups (`“138”“1234”“5678”` is one number).
    /// The enumeration comma `、` is not one: it lists numbers.
    static let symbol: UInt8 = 0x83
    /// The ASCII byte of an ideograph outside GB 2312 (``CommonCharacters``), marked so the text notes it has one.
    static let rare: UInt8 = 0x84
    /// The ASCII byte of a radical of the CJK radicals supplement: a symbol, which separates digit groups as
    /// ``symbol`` does (`138⺀1234⺀5678` is one number), and a rare character too.
    static let rareSymbol: UInt8 = 0x85

    /// Whether `ascii` is one of a rare character (``rare``, ``rareSymbol``).
    @inline(__always)
    static func isRare(_ ascii: UInt8) -> Bool { ascii == rare || ascii == rareSymbol }

    init(table: ScalarTable, trie: TermTrie) {
        self.table = table
        self.trie = trie
        entries = Entries()
        for value in UInt32(0)..<0x10000 {
            guard let (scalar, isNoise) = table.single(value) else { continue }
            entries.values[Int(value)] = Self.entry(scalar, isNoise: isNoise, trie: trie) | Self.singleBit
        }
    }

    /// The entry of a BMP `value` that normalises to exactly one scalar (almost every one); `nil` otherwise.
    @inline(__always)
    func single(_ value: UInt32) -> Entry? {
        guard value < 0x10000 else { return nil }
        let entry = entries.values[Int(value)]
        return entry & Self.singleBit != 0 ? entry : nil
    }

    /// The entries of `value`'s normalised scalars, in order, the slow way.
    func normalize(_ value: UInt32, _ emit: (Entry) -> Void) {
        table.normalize(value) { emit(Self.entry($0.scalar, isNoise: $0.isNoise, trie: trie)) }
    }

    @inline(__always)
    static func ascii(_ entry: Entry) -> UInt8 { UInt8(truncatingIfNeeded: entry) }

    @inline(__always)
    static func symbol(_ entry: Entry) -> UInt32 { entry >> symbolShift }

    /// Ideographs read as digits when a number is spelled out (`一三八…`,
    /// `幺` as callers say 1, the financial 壹贰叁…): for personal-data
    /// detection only; terms still see the ideographs.
    static let chineseDigits: [UInt32: UInt8] = {
        var digits: [UInt32: UInt8] = [:]
        // With the words callers use on the phone: 幺 么 (1), 两 (2), 拐 (7), 勾 (9), 洞 (0), and ○ for zero.
        // And strokes and signs drawn like 一 (㇐ ー ㄧ) or 〇 (◯ ⚪).
        // And the Hangzhou numerals 〡〢〣… (suzhou numerals, still written on market stalls).
        for (value, characters) in ["〇零洞○◯⚪", "一幺么壹㇐ーㄧ〡", "二两贰〢", "三叁参〣", "四肆〤", "五伍〥", "六陆〦", "七柒拐〧", "八捌〨",
                                    "九玖勾〩"].enumerated() {
            for character in characters.unicodeScalars { digits[character.value] = 0x30 + UInt8(value) }
        }
        return digits
    }()

    /// Non-ASCII marks that read as ASCII ones: middle dots, bullets and the
    /// minus sign read `-`; wave dashes `~`; box bars `|`; the ideographic full
    /// stop and the paragraph separator `.`; CJK brackets read `(` `)`;
    /// signs written for an ID's final x (× ✕ Greek chi, Cyrillic ha, 叉) read `x`.
    /// (The enumeration comma `、` stays apart: it lists numbers, it does not join them.)
    static let marks: [UInt32: UInt8] = [
        0x00B7: 0x2D, 0x30FB: 0x2D, 0x2027: 0x2D, 0x2212: 0x2D, 0x2022: 0x2D, 0x2219: 0x2D, 0x22C5: 0x2D, 0x2043: 0x2D,
        0x301C: 0x7E, 0x223C: 0x7E, 0x00A6: 0x7C, 0x2502: 0x7C, 0x2503: 0x7C,
        0x3002: 0x2E, 0xFF61: 0x2E,
        // The paragraph separator ends a clause (the reader text puts one where a block ends).
        0x2029: blockEnd,
        0x3010: 0x28, 0x3011: 0x29, 0x3014: 0x28, 0x3015: 0x29, 0x300C: 0x28, 0x300D: 0x29, 0x300E: 0x28, 0x300F: 0x29,
        0x3016: 0x28, 0x3017: 0x29, 0x00D7: 0x78, 0x2715: 0x78, 0x2716: 0x78, 0x2A2F: 0x78, 0x03C7: 0x78, 0x0445: 0x78, 0x53C9: 0x78,
    ]

    private static func entry(_ scalar: UInt32, isNoise: Bool, trie: TermTrie) -> Entry {
        // Every kind of white space (tab, line break, U+2028…) reads as a space: all separate digit groups alike.
        let isWhitespace = Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
        let ascii: UInt8 = marks[scalar] ?? (isWhitespace ? 0x20 : scalar < 0x80 ? UInt8(scalar)
            : chineseDigits[scalar] ?? ((0x2010...0x2015).contains(scalar) ? dash
                : RightToLeft.contains(scalar) ? rightToLeft
                    // An ideograph drawn as a mark (`丿`) is read through, and no rare character.
                    : isNoise && CommonCharacters.isSupplementRadical(scalar) ? rareSymbol
                    : !isNoise && CommonCharacters.isRare(scalar) ? rare
                    : isNoise && scalar != 0x3001 ? symbol : other))
        let marked = (0x30...0x39).contains(ascii) || ascii == 0x40 || ascii == 0x23 || ascii == 0x29 || ascii == 0x5D || ascii == 0x7D
            || ascii == 0x3E || ascii == 0x74 || ascii == rightToLeft || isRare(ascii)
        let symbol = isNoise ? 0 : trie.symbol(of: scalar)
        return Entry(ascii) | (isNoise ? noiseBit : 0) | (marked ? markBit : 0) | symbol << symbolShift
    }

    /// The table's memory, written in `init` only.
    private final class Entries: @unchecked Sendable {
        let values: UnsafeMutablePointer<Entry>

        init() {
            values = .allocate(capacity: 0x10000)
            values.initialize(repeating: 0, count: 0x10000)
        }

        deinit { values.deallocate() }
    }
}
