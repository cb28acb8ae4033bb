import CCmark

/// CommonMark as Chinese editors write it. A line break inside a paragraph
/// is a soft break, which browsers show as a space: right between two
/// Chinese characters it is a visible gap in the sentence, so it is dropped.
/// Steps typed on lines of their own (`1、…` `2、…`, `（1）…`) are what
/// Markdown's `1. ` lists are: they become one, instead of one run-on
/// paragraph; other enumerations (`一、…`) keep their line breaks.
enum ChineseLines {
    /// Characters written without spaces between words: Han, kana, Hangul,
    /// CJK and full-width punctuation.
    static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Whether `line` starts with a step number as typed in Chinese documents:
    /// `1、`, `（1）`, `(1)`, `一、`, `第一步` (`第二天` is no step).
    static func startsWithEnumerator(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\u{3000}" }
        if listItem(text) != nil { return true }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let chinese = text.prefix { numerals.contains($0) }
        if !chinese.isEmpty, text.dropFirst(chinese.count).first == "、" { return true }
        guard text.first == "第" else { return false }
        let ordinal = text.dropFirst().prefix { numerals.contains($0) }
        return !ordinal.isEmpty && text.dropFirst(1 + ordinal.count).first.map { "步条章节项點点".contains($0) } == true
    }

    /// The rewritten line when it starts `N、` or `（N）`/`(N)`: `N. ` or `N) `, a Markdown list item.
    static func listItem(_ line: Substring) -> String? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let text = line.dropFirst(indent.count)
        if let digits = Optional(text.prefix { $0.isASCII && $0.isNumber }), (1...3).contains(digits.count),
            text.dropFirst(digits.count).first == "、" {
            return indent + digits + ". " + text.dropFirst(digits.count + 1)
        }
        if let open = text.first, open == "（" || open == "(" {
            let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
            let close = text.dropFirst(1 + digits.count).first
            if (1...3).contains(digits.count), close == "）" || close == ")" {
                return indent + digits + ") " + text.dropFirst(2 + digits.count)
            }
        }
        return nil
    }

    /// `source` with the step lines of its paragraphs (`1、` …) written as
    /// Markdown list items, or `nil` when it has none. Lines keep their number.
    static func withListsMade(_ source: String, root: OpaquePointer) -> String? {
        // Most answers have no step line: found on the bytes, without making a String of every line.
        guard mayHoldListItem(source) else { return nil }
        // Lines end at a line feed, a carriage return before it dropped ("\r\n" is one Character, so a
        // Character split did the same): split on the bytes, not on Characters, which took a tenth of `moderate`.
        var lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        var changed = false
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { continue }
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            guard first >= 1, last <= lines.count, first <= last else { continue }
            // Only steps that start the paragraph, or start at 1 right after an introducing line (`步骤如下：`)
            // with no markup open before them (a comment, a code span or a quote would run into the list).
            let items = ((first - 1)...(last - 1)).compactMap { index in listItem(Substring(lines[index])).map { (index, $0) } }
            guard let (start, item) = items.first else { continue }
            if start != first - 1 {
                let before = lines[(first - 1)..<start]
                let introduced = before.last.map { $0.hasSuffix("：") || $0.hasSuffix(":") } ?? false
                let plain = !before.contains { $0.contains("<") || $0.contains("`") || $0.drop { $0 == " " }.hasPrefix(">") }
                guard item.drop(while: { $0 == " " }).prefix(while: \.isNumber) == "1", introduced, plain else { continue }
            }
            for (index, item) in items {
                lines[index] = item
                changed = true
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    /// Whether a line of `source` may be one ``listItem(_:)`` rewrites: at most
    /// three spaces, then 1 to 3 ASCII digits and `、`, or `（`/`(`, 1 to 3 digits
    /// and `）`/`)`. Checked on the bytes; every line ``listItem(_:)`` rewrites
    /// passes (it compares whole characters, which only ever match fewer lines).
    static func mayHoldListItem(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            let count = bytes.count
            func digits(from start: Int) -> Int {
                var end = start
                while end < count, end - start < 4, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
                return end - start
            }
            func holds(_ sequence: [UInt8], at index: Int) -> Bool {
                index + sequence.count <= count && sequence.indices.allSatisfy { bytes[index + $0] == sequence[$0] }
            }
            var lineStart = 0
            while lineStart < count {
                var index = lineStart
                while index < count, index - lineStart < 4, bytes[index] == 0x20 { index += 1 }
                if index - lineStart <= 3, index < count {
                    let number = digits(from: index)
                    if (1...3).contains(number), holds([0xE3, 0x80, 0x81], at: index + number) { return true }
                    let open = bytes[index] == 0x28 ? 1 : holds([0xEF, 0xBC, 0x88], at: index) ? 3 : 0
                    if open > 0 {
                        let inner = digits(from: index + open)
                        let close = index + open + inner
                        if (1...3).contains(inner), close < count, bytes[close] == 0x29 || holds([0xEF, 0xBC, 0x89], at: close) { return true }
                    }
                }
                while index < count, bytes[index] != 0x0A { index += 1 }
                lineStart = index + 1
            }
            return false
        }
    }

    /// Drops soft breaks between two unspaced characters, and makes a soft
    /// break before an enumerated line (`一、`) a line break.
    static func joinLines(in root: OpaquePointer) {
        var dropped: [OpaquePointer] = []
        var broken: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK else { continue }
            let before = cmark_node_previous(node).flatMap(literal)
            let after = cmark_node_next(node).flatMap(literal)
            if let after, startsWithEnumerator(Substring(after)) {
                broken.append(node)
            } else if let last = before?.unicodeScalars.last, let next = after?.unicodeScalars.first, isUnspaced(last), isUnspaced(next) {
                dropped.append(node)
            }
        }
        cmark_iter_free(iterator)
        for node in dropped { cmark_node_free(node) }
        for node in broken {
            guard let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) else { continue }
            cmark_node_replace(node, lineBreak)
            cmark_node_free(node)
        }
    }

    private static func literal(_ node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let text = cmark_node_get_literal(node) else { return nil }
        return String(cString: text)
    }
}
