import Moderation

/// Readings in Latin letters written in brackets after characters — pinyin,
/// `内(nèi)部(bù)资(zī)料(liào)` — which a reader reads past: moderation reads
/// the text once more without them, or a classified term spelled out with its
/// readings went unfound.
enum PhoneticReadings {
    /// The texts of `texts` that hold a reading, each once more without its readings, as summaries (only what
    /// the texts as read do not show is reported).
    static func withoutReadings(_ texts: [DerivedText]) -> [DerivedText] {
        texts.filter { !$0.isSummary }.compactMap { text in
            let lines = text.lines.map(removingReadings)
            guard lines != text.lines else { return nil }
            return DerivedText(lines: lines, sourceLines: text.sourceLines, isSummary: true)
        }
    }

    /// `line` without its bracketed readings: an opening bracket, at most 12 Latin letters (tone marks and tone
    /// numbers, spaces and apostrophes among them, at least one letter), a closing bracket.
    static func removingReadings(_ line: String) -> String {
        guard line.contains(where: { $0 == "(" || $0 == "（" }) else { return line }
        let scalars = Array(line.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "(" || scalars[index] == "（", let end = readingEnd(scalars, from: index + 1) {
                index = end + 1
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// The index of the closing bracket of a reading that starts at `start`, if one does.
    private static func readingEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var letters = 0
        var index = start
        while index < scalars.count, index - start <= 12 {
            let scalar = scalars[index]
            if scalar == ")" || scalar == "）" { return letters > 0 ? index : nil }
            if isLatinLetter(scalar) {
                letters += 1
            } else if !(("1"..."5").contains(scalar) || scalar == " " || scalar == "'" || scalar == "’"
                        || (0x0300...0x036F).contains(scalar.value)) {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: scalar.properties.isAlphabetic
        default: false
        }
    }
}
