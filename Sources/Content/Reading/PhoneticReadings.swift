import Moderation

/// Readings written after characters — pinyin or zhuyin, in brackets or not:
/// `内(nèi)部(bù)资(zī)料(liào)`, `内【ㄋㄟˋ】部…`, `内nèi部bù` (a `<ruby>` whose
/// tags cmark drops) — which a reader reads past: moderation reads the text
/// once more without them, or a classified term spelled out with its readings
/// went unfound.
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

    /// Bracket pairs a reading may stand in.
    private static let brackets: [Unicode.Scalar: Unicode.Scalar] = [
        "(": ")", "（": "）", "[": "]", "［": "］", "{": "}", "｛": "｝", "【": "】", "〔": "〕", "〖": "〗", "「": "」", "『": "』",
        "〈": "〉", "《": "》", "<": ">", "/": "/",
    ]
    /// The longest reading: a syllable or two with tone marks.
    private static let longest = 12

    /// `line` without its readings: in brackets, at most ``longest`` letters of an alphabet or zhuyin with
    /// their tone marks and numbers (at least one letter); without brackets, a run of at most 7 such letters
    /// between two ideographs.
    static func removingReadings(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        guard scalars.contains(where: { brackets[$0] != nil || isReadingLetter($0) }) else { return line }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let close = brackets[scalars[index]], let end = readingEnd(scalars, from: index + 1, closing: close) {
                index = end + 1
                continue
            }
            if isReadingLetter(scalars[index]), index > 0, scalars[index - 1].properties.isIdeographic,
               let end = runEnd(scalars, from: index), end < scalars.count, scalars[end].properties.isIdeographic, end - index <= 7 {
                index = end
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// The index of the `closing` bracket of a reading that starts at `start`, if one does.
    private static func readingEnd(_ scalars: [Unicode.Scalar], from start: Int, closing: Unicode.Scalar) -> Int? {
        guard let end = runEnd(scalars, from: start), end < scalars.count, scalars[end] == closing, end - start <= longest,
              scalars[start..<end].contains(where: isReadingLetter)
        else { return nil }
        return end
    }

    /// Where the run of reading scalars from `start` ends.
    private static func runEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count, isReadingLetter(scalars[index]) || isReadingMark(scalars[index]) { index += 1 }
        return index
    }

    /// A letter of an alphabet (Latin with its tone marks, Greek, Cyrillic…) or zhuyin: not an ideograph, not a digit.
    private static func isReadingLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !scalar.properties.isIdeographic && scalar.properties.numericType == nil
            && !(0xAC00...0xD7A3).contains(scalar.value)
    }

    /// What a reading holds besides letters: tone numbers, tone marks and letters (`ˋ` `˥`), combining marks,
    /// spaces, apostrophes and syllable dots.
    private static func isReadingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "1"..."5", " ", "'", "’", "·", "・", ".", "-": return true
        default:
            switch scalar.properties.generalCategory {
            case .modifierLetter, .modifierSymbol, .nonspacingMark: return true
            default: return false
            }
        }
    }
}
