/// What a search result may show of an answer: the start of its text, as the
/// excerpt joins it (blocks kept apart by `；`, as the page keeps them apart),
/// its white space collapsed as a browser collapses it, in pieces of about
/// ``length`` characters. A result shows one piece whole, the one that holds
/// the words searched for; moderation reads each piece as it is shown.
///
/// Pieces are cut where no number, code or word written in Latin letters is
/// cut in two: cut anywhere, `…1381234567800号` showed `…13812345678…`, a
/// mobile number the whole text does not hold. So a cut never stands next to
/// a digit, a numeral (`一` `〇` `壹`, and the words callers use for digits),
/// or a letter of an alphabet.
package enum SearchSnippets {
    /// About this many characters a piece (a result shows one).
    package static let length = 100
    /// Pieces are made until they hold this many characters.
    package static let total = 800

    /// The pieces of `text` (see ``MarkdownDocument/excerpt(lines:blockEnds:limit:)``), up to about ``total`` characters.
    package static func pieces(of text: String) -> [String] {
        // Pieces end by ``total`` plus one and a half pieces: what lies further is never looked at.
        let looked = text.prefix(characters: total + 3 * length)
        let isWhole = looked.endIndex == text.endIndex
        let characters = Array(collapsingWhiteSpace(String(looked)))
        var pieces: [String] = []
        var start = 0
        var shown = 0
        while start < characters.count, shown < total {
            let end: Int
            if characters.count - start > length + length / 4 {
                end = cut(in: characters, from: start)
            } else if isWhole {
                end = characters.count
            } else {
                // Not the text's end, only the end of what was looked at: no piece is cut there.
                break
            }
            let piece = String(characters[start..<end]).trimmingSpaces
            if !piece.isEmpty { pieces.append(piece) }
            shown += end - start
            start = end
        }
        return pieces
    }

    /// Where the piece from `start` ends: after a mark that ends a clause, about ``length`` characters on;
    /// else between two characters neither of which may belong to a number or word; else (a run of digits
    /// and letters longer than a piece) where the piece is long enough, and moderation reads what that cut shows.
    private static func cut(in characters: [Character], from start: Int) -> Int {
        let target = start + length
        let earliest = start + length * 6 / 10
        let latest = min(characters.count - 1, start + length * 3 / 2)
        if let end = stride(from: target, through: earliest, by: -1).first(where: { isSafeCut($0, in: characters) && endsClause(characters[$0 - 1]) }) {
            return end
        }
        if let end = stride(from: target, through: earliest, by: -1).first(where: { isSafeCut($0, in: characters) }) {
            return end
        }
        if target < latest, let end = (target...latest).first(where: { isSafeCut($0, in: characters) }) {
            return end
        }
        return target
    }

    /// Whether a cut before `characters[index]` leaves a joinable character on neither side.
    private static func isSafeCut(_ index: Int, in characters: [Character]) -> Bool {
        !isJoinable(characters[index - 1]) && !isJoinable(characters[index])
    }

    private static func endsClause(_ character: Character) -> Bool {
        character == " " || "。！？；，、!?;,".contains(character)
    }

    /// Whether `character` may be part of a number, a code or a word with its neighbours: digits and numerals of
    /// every script, letters of alphabets (not ideographs), and what callers say or draw for a digit.
    static func isJoinable(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            if scalar.properties.numericType != nil || digitLike.contains(scalar) { return true }
            if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
            return scalar.properties.isAlphabetic && !scalar.properties.isIdeographic
        }
    }

    /// Characters read as digits with no numeric value of their own: 幺 么 (1), 两 (2), 拐 (7), 勾 (9), 洞 (0),
    /// 参 (3, as 叁), the circles drawn for zero and the strokes drawn for one, and 叉 read as an ID's final x.
    private static let digitLike: Set<Unicode.Scalar> = Set("幺么两拐勾洞参叉○◯⚪㇐ーㄧ".unicodeScalars)

    /// Runs of white space as one space, as a browser shows them.
    private static func collapsingWhiteSpace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !afterSpace { result.append(" ") }
                afterSpace = true
            } else {
                result.append(scalar)
                afterSpace = false
            }
        }
        return String(result)
    }
}

private extension String {
    var trimmingSpaces: String {
        guard first == " " || last == " " else { return self }
        return String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
