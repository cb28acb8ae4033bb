import Foundation

/// How each written Unicode scalar reads for moderation, computed once:
/// invisible characters vanish; stylised digits (⓿ ❶ ➀ ⓵ ⑸ ㈤ …) become
/// ASCII digits; then NFKC (full-width, compatibility forms), lower case and
/// traditional → simplified. Every result is marked as noise or not: noise
/// (spaces, punctuation, symbols, Markdown markup) may stand between the
/// characters of a term without breaking it.
package struct ScalarTable: Sendable, Equatable {
    /// One normalised scalar.
    struct Output: Equatable, Sendable {
        let scalar: UInt32
        let isNoise: Bool
    }

    static let dropped: UInt32 = .max
    static let noiseBit: UInt32 = 1 << 29
    static let expansionBit: UInt32 = 1 << 30

    /// Basic Multilingual Plane: a scalar, a scalar marked noise, an expansion, or dropped.
    let plane: [UInt32]
    let expansions: [Output]
    /// Traditional (and Japanese) forms and the simplified character each reads as.
    let simplified: [UInt32: UInt32]

    init() throws(ModerationSetupError) {
        self.init(simplified: try TraditionalToSimplified.loadTable())
    }

    /// A table as ``archived`` held it.
    init(plane: [UInt32], expansions: [Output], simplified: [UInt32: UInt32]) {
        self.plane = plane
        self.expansions = expansions
        self.simplified = simplified
    }

    /// - Parameter parts: how many parts of the plane are computed at once (the same table whatever the number).
    init(simplified: [UInt32: UInt32], parts: Int = 2) {
        self.simplified = simplified
        // Each part: its entries, its expansions numbered from 0, then renumbered as the parts are joined.
        let size = 0x10000 / max(parts, 1) + 1
        let computed = ConcurrentParts.map(max(parts, 1)) { part -> (plane: [UInt32], expansions: [Output]) in
            var plane: [UInt32] = []
            var expansions: [Output] = []
            for value in UInt32(min(part * size, 0x10000))..<UInt32(min((part + 1) * size, 0x10000)) {
                guard let scalar = Unicode.Scalar(value) else {
                    plane.append(Self.dropped)
                    continue
                }
                let outputs = Self.compute(scalar, simplified: simplified)
                switch outputs.count {
                case 0:
                    plane.append(Self.dropped)
                case 1:
                    plane.append(outputs[0].scalar | (outputs[0].isNoise ? Self.noiseBit : 0))
                default:
                    plane.append(Self.expansionBit | UInt32(expansions.count) | UInt32(outputs.count) << 24)
                    expansions += outputs
                }
            }
            return (plane, expansions)
        }
        var plane: [UInt32] = []
        var expansions: [Output] = []
        plane.reserveCapacity(0x10000)
        for part in computed {
            let offset = UInt32(expansions.count)
            plane += part.plane.map { entry in
                entry != Self.dropped && entry & Self.expansionBit != 0 ? entry + offset : entry
            }
            expansions += part.expansions
        }
        self.plane = plane
        self.expansions = expansions
    }

    /// The normalised scalar of a BMP `value` when it is exactly one
    /// (the common case), as `(scalar, isNoise)`; `nil` when dropped, expanded or outside the BMP.
    @inline(__always)
    func single(_ value: UInt32) -> (UInt32, Bool)? {
        guard value < 0x10000 else { return nil }
        let entry = plane[Int(value)]
        guard entry != Self.dropped, entry & Self.expansionBit == 0 else { return nil }
        return (entry & ~Self.noiseBit, entry & Self.noiseBit != 0)
    }

    /// Calls `emit` with each normalised scalar of `value`, in order.
    @inline(__always)
    func normalize(_ value: UInt32, _ emit: (Output) -> Void) {
        guard value < 0x10000 else {
            if let scalar = Unicode.Scalar(value) { Self.compute(scalar, simplified: simplified).forEach(emit) }
            return
        }
        let entry = plane[Int(value)]
        if entry == Self.dropped { return }
        if entry & Self.expansionBit != 0 {
            let start = Int(entry & 0xFF_FFFF)
            let count = Int((entry >> 24) & 0x1F)
            for index in start..<start + count { emit(expansions[index]) }
            return
        }
        emit(Output(scalar: entry & ~Self.noiseBit, isNoise: entry & Self.noiseBit != 0))
    }

    /// The normalised scalars of a whole string, noise included.
    func normalize(_ text: String) -> [Output] {
        var result: [Output] = []
        for scalar in text.unicodeScalars { normalize(scalar.value) { result.append($0) } }
        return result
    }

    private static func compute(_ scalar: Unicode.Scalar, simplified: [UInt32: UInt32]) -> [Output] {
        if isInvisible(scalar) { return [] }
        if let digit = stylisedDigit(scalar) { return [Output(scalar: digit, isNoise: false)] }
        let compatible = isStable(scalar) ? String(scalar) : String(scalar).precomposedStringWithCompatibilityMapping
        var result: [Output] = []
        for part in compatible.unicodeScalars {
            if isInvisible(part) { continue }
            for lower in lowercase(part) {
                let value = simplified[lower.value] ?? lower.value
                result.append(Output(scalar: value, isNoise: isNoise(Unicode.Scalar(value) ?? lower)))
            }
        }
        // One mark drawn as several (an ellipsis `…` or `︙`, which NFKC makes three dots; `‼`) is one mark:
        // `内……部` has two marks between its characters, not six.
        if result.count > 1, result.allSatisfy(\.isNoise) { return [result[0]] }
        return result
    }

    /// Ideographs and Hangul syllables have no compatibility decomposition: skip NFKC for them.
    private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: scalar.isASCII
        }
    }

    private static func lowercase(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        if scalar.isASCII {
            let value = scalar.value
            return String(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)!).unicodeScalars
        }
        return scalar.properties.lowercaseMapping.unicodeScalars
    }

    /// Zero-width characters, joiners, soft hyphen, BOM, bidirectional marks,
    /// variation selectors, tag characters and other format controls, and
    /// combining marks (`1̲`, `1⃣`), and 丶, an ideograph drawn as a dot.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x4E36, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F,
             0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE0FFF:
            return true
        default:
            // Format controls, and marks that only decorate the character before
            // them (a combining underline, a keycap): readers read through them.
            // Default-ignorable code points are drawn as nothing (U+FFF0–FFF8 among them).
            if scalar.properties.isDefaultIgnorableCodePoint { return true }
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// Digits NFKC leaves alone or turns into more than a digit: circled,
    /// negative circled, double circled, parenthesised, ideographic parenthesised…
    /// Ideographs that are numerals (五) are letters, not digits, and stay.
    private static func stylisedDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        guard !scalar.isASCII, let value = scalar.properties.numericValue, value >= 0, value <= 9,
            value == value.rounded(), scalar.properties.numericType != nil
        else { return nil }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .otherNumber, .otherSymbol, .letterNumber:
            if scalar.properties.isIdeographic { return nil }
            return 0x30 + UInt32(value)
        default:
            return nil
        }
    }

    /// Letters drawn as a dot, a bar or a stroke, which a reader of Chinese takes for punctuation between
    /// characters or digit groups (`138ꞏ1234ꞏ5678`, `内ㆍ部ㆍ资ㆍ料`): modifier letters (`ː` `ˉ` `ʹ`, and the kana
    /// length and iteration marks `ー` `ヽ` `ゝ` `〻`, which no Chinese text uses) but the ideographic iteration
    /// mark `々` (a reader reads it as the character before, `人々`); the sinological dot `ꞏ`; Hangul `ㆍ` `ㅡ`
    /// `ㅣ` `ㆎ` `ᆢ` and the circle `ㅇ` (and the jamo NFKC makes of them); the syllabics' finals, small dots, rings and
    /// strokes (`ᐧ` `ᐨ` `ᐟ` `ᐤ`…); the click letters `ǀ` `ǁ` `ǂ` `ǃ`; `〆`; katakana `ノ`, drawn as `丿`; and the
    /// ideographs that are a bare stroke or a radical's dots, `丨` `丿` `亅` `乀` `乁` `乚` `乛` `丷` `冫` `氵` `灬` `彡`
    /// (never a word of a Chinese answer; `乙` is one, and stays).
    private static func isDrawnAsAMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA78F, 0x318D, 0x119E, 0x3161, 0x1173, 0x3163, 0x1175, 0x318E, 0x11A1, 0x11A2, 0x3147, 0x110B, 0x11BC, 0x3181, 0x114C,
             0x01C0...0x01C3, 0x141D...0x142A, 0x144A, 0x1540, 0x3006, 0x30CE, 0x4E28, 0x4E3F, 0x4E40, 0x4E41, 0x4E5A, 0x4E5B,
             0x4E85, 0x51AB, 0x6C35, 0x706C, 0x5F61, 0x4E37:
            return true
        case 0x3005: return false
        default: return scalar.properties.generalCategory == .modifierLetter
        }
    }

    /// Whether a reader reads through `scalar` between two characters of a word, as moderation's matcher
    /// does: drawn as nothing, or a mark that is noise (not a letter, digit or ideograph). Clause marks are
    /// among them here; the matcher tells them apart from the normalised text.
    package static func readsThrough(_ scalar: Unicode.Scalar) -> Bool {
        isInvisible(scalar) || isNoise(scalar)
    }

    private static func isNoise(_ scalar: Unicode.Scalar) -> Bool {
        if isDrawnAsAMark(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .nonspacingMark, .enclosingMark,
             // Drawn as a box, between characters a reader reads through (`内部\u{FFFF}资料`). (Not private use:
             // the moderator ends each derived text it joins with one, which must stay no noise.)
             .unassigned, .surrogate:
            return true
        default:
            return false
        }
    }
}
