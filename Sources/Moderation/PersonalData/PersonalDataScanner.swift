/// Finds callers' personal data in normalised text: identity numbers, phone
/// numbers, bank cards and e-mail addresses, however they are spaced or styled.
struct PersonalDataScanner {
    /// One detected item, by normalised scalar indices.
    struct Item: Equatable {
        let rule: Rule
        let first: Int
        let last: Int
        /// The digits (numbers) or address (e-mail) as normalised.
        let value: String
    }

    /// Whether `ascii` is a mark that may separate the groups of one number: every
    /// ASCII punctuation mark and symbol but `,` `;` `%` and `@`, the Unicode dashes,
    /// and every other punctuation mark and symbol (quotation and book-title marks,
    /// arrows, emoji: `“138”“1234”“5678”`, `138→1234→5678` are one number to a
    /// reader). White space of every kind reads as a space. Commas, semicolons
    /// (`；` too) and `、` list numbers (`6201、6202`, `1、3、9路`, `13.8；12.3`)
    /// rather than join them, and a percentage ends one (`13.8% 12.3%`, a table's row).
    private static func isSeparatorMark(_ ascii: UInt8) -> Bool {
        switch ascii {
        case 0x21...0x24, 0x26...0x2B, 0x2D...0x2F, 0x3A, 0x3C...0x3F, 0x5B...0x60, 0x7B...0x7E,
             ScalarReading.dash, ScalarReading.blockEnd, ScalarReading.symbol, ScalarReading.rareSymbol: true
        default: false
        }
    }

    /// Whether the `:` at `index` parts an hour from two-digit minutes (`8:00-11:30`), not the groups of a number.
    private static func isTimeMark(at index: Int, in ascii: UnsafeBufferPointer<UInt8>, groupStart: Int) -> Bool {
        guard ascii[index] == 0x3A else { return false }
        var digits = 0
        while index + 1 + digits < ascii.count, isDigit(ascii[index + 1 + digits]) { digits += 1 }
        return digits == 2 && index - groupStart <= 2
    }
    /// Between two digit groups: at most this many marks, among any white space
    /// (spaces, tabs, line breaks: a reader still reads one number)…
    private static let maxSeparatorMarks = 2
    /// …and at most this many scalars in all.
    private static let maxGap = 16

    /// - Parameter bytes: the text as written, where words that announce a number are read.
    static func scan(_ text: NormalizedText, bytes: UnsafeBufferPointer<UInt8>, allowedNumbers: Set<String>) -> [Item] {
        numbers(text, bytes: bytes, allowedNumbers: allowedNumbers) + emails(text)
    }

    // MARK: Numbers

    /// Digits next to each other, `ascii[first...last]`.
    struct Group {
        var first: Int
        var last: Int
        var count: Int { last - first + 1 }
    }

    /// Mobile numbers and the shortest landlines have 11 digits; no personal number has fewer.
    private static let shortestNumber = 11

    private static func numbers(_ text: NormalizedText, bytes: UnsafeBufferPointer<UInt8>, allowedNumbers: Set<String>) -> [Item] {
        let ascii = text.ascii
        var items: [Item] = []
        var groups: [Group] = []
        guard var index = text.firstDigit else { return items }
        while index < ascii.count {
            guard isDigit(ascii[index]) else {
                index += 1
                continue
            }
            // A maximal run of digit groups joined by short separators.
            let runStart = index
            groups.removeAll(keepingCapacity: true)
            var current = Group(first: index, last: index)
            var digitCount = 0
            var cursor = index
            while cursor < ascii.count {
                if isDigit(ascii[cursor]) {
                    current.last = cursor
                    digitCount += 1
                    cursor += 1
                    continue
                }
                var gap = cursor
                var marks = 0
                var lastMark: UInt8 = 0
                while gap < ascii.count, gap - cursor < maxGap {
                    let scalar = ascii[gap]
                    if scalar == 0x20 {
                        gap += 1
                    } else if scalar == lastMark {
                        // A run of one mark (`---`) separates like one.
                        gap += 1
                    } else if marks < maxSeparatorMarks, isSeparatorMark(scalar), !isTimeMark(at: gap, in: ascii, groupStart: current.first) {
                        marks += 1
                        lastMark = scalar
                        gap += 1
                    } else {
                        break
                    }
                }
                guard gap > cursor, gap < ascii.count, isDigit(ascii[gap]) else { break }
                groups.append(current)
                current = Group(first: gap, last: gap)
                cursor = gap
            }
            groups.append(current)
            let runEnd = current.last
            index = runEnd + 1
            // Where a word announces a telephone number, a landline may be written without its area code.
            // (Read at most once a run, and only when a number of its own does not already settle it.)
            var announcedMemo: Bool?
            let announced = { () -> Bool in
                if let known = announcedMemo { return known }
                let found = digitCount >= LocalNumber.digitCounts.lowerBound
                    && LocalNumber.isAnnounced(before: Int(text.start[runStart]), in: bytes)
                announcedMemo = found
                return found
            }
            // A shorter run holds a personal number only as a local landline: where no span of it is one
            // (a date, `2024-01-27`), the text before it need not be read.
            guard digitCount >= shortestNumber
                || (groups.indices.contains { localNumber(from: $0, groups, in: ascii, allowedNumbers: allowedNumbers) != nil } && announced())
            else { continue }
            // 400 and 800 numbers (ten digits) are companies' service lines, never a caller's.
            if digitCount == 10, let prefix = Optional(groups.flatMap { ascii[$0.first...$0.last] }.prefix(3)),
                prefix.elementsEqual("400".utf8) || prefix.elementsEqual("800".utf8) {
                continue
            }
            // A short run followed by a counter is a count (`接听电话1052368通`); a long one stays a number however it ends.
            if digitCount < shortestNumber, LocalNumber.isCount(at: text.end(ofScalar: runEnd, in: bytes), in: bytes) { continue }
            // Letters glued to the run make it a code (SN1381234…), not a number; an ID's final x is part of it.
            var trailingX = false
            if runEnd + 1 < ascii.count, ascii[runEnd + 1] == 0x78 {
                trailingX = runEnd + 2 >= ascii.count || !isASCIIAlphanumeric(ascii[runEnd + 2])
            }
            if (runStart > 0 && isASCIILetter(ascii[runStart - 1]) && !isContactWord(endingAt: runStart - 1, in: ascii))
                || (!trailingX && runEnd + 1 < ascii.count && isASCIILetter(ascii[runEnd + 1])) {
                continue
            }
            let international = runStart > 0 && ascii[runStart - 1] == 0x2B
            items += classify(groups, in: ascii, trailingX: trailingX, international: international, announced: announced,
                              allowedNumbers: allowedNumbers)
        }
        return items
    }

    /// Splits a run into numbers: from each group, the longest span of whole
    /// groups that is a personal number; digits inside a group are never split.
    /// A span made of dates only, or that cuts a date in two, is no number
    /// (`2024.09.10—2024.12.31` is two dates); an ID that holds a whole date is.
    /// - Parameter announced: a telephone word stands before the run: groups that are no number by
    ///   themselves may be a local landline (`87654321-1234`, `8765 4321 / 8765 4320`), as may those
    ///   after a number found in the run (`025-83106666 87654321`).
    private static func classify(_ groups: [Group], in ascii: UnsafeBufferPointer<UInt8>, trailingX: Bool, international: Bool,
                                 announced: () -> Bool, allowedNumbers: Set<String>) -> [Item] {
        var items: [Item] = []
        let dates = CalendarDate.triples(in: groups.map { ascii[$0.first...$0.last] })
        var start = 0
        while start < groups.count {
            var found: (Item, Int)?
            // Spans of at most 19 digits: the longest personal number. (Bounded, so a long run of spaced digits costs linear time.)
            var lastEnd = start
            var total = groups[start].count
            while lastEnd + 1 < groups.count, total + groups[lastEnd + 1].count <= 19 {
                lastEnd += 1
                total += groups[lastEnd].count
            }
            for end in stride(from: lastEnd, through: start, by: -1) {
                let count = groups[start...end].reduce(0) { $0 + $1.count }
                guard (shortestNumber...19).contains(count), !CalendarDate.isDatesOnlyOrCut(start...end, dates: dates) else { continue }
                var digits = groups[start...end].flatMap { ascii[$0.first...$0.last] }
                var last = groups[end].last
                if end == groups.count - 1 && trailingX && digits.count == 17 {
                    digits.append(UInt8(ascii: "x"))
                    last += 1
                }
                // Written as one run, or as an ID is spaced (its region code, then its birth date, each whole): a count
                // and a date side by side in a table (`35 | 1200 | 2024-04-16`) spell no ID whose check character is off.
                let sizes = groups[start...end].map(\.count)
                let spacedAsAnID = sizes.count == 1 || sizes.starts(with: [6, 8])
                guard let rule = NumberKind.classify(digits, international: international && start == 0, spacedAsAnID: spacedAsAnID)
                else { continue }
                let value = String(decoding: digits, as: UTF8.self)
                if allowedNumbers.contains(value) { break }
                found = (Item(rule: rule, first: groups[start].first, last: last, value: value), end)
                break
            }
            if let (item, end) = found {
                items.append(item)
                start = end + 1
            } else if !items.isEmpty || announced(), let (item, end) = localNumber(from: start, groups, in: ascii, allowedNumbers: allowedNumbers) {
                items.append(item)
                start = end + 1
            } else {
                start += 1
            }
        }
        return items
    }

    /// The longest span of whole groups from `start` with 7 or 8 digits, as a local landline.
    private static func localNumber(from start: Int, _ groups: [Group], in ascii: UnsafeBufferPointer<UInt8>,
                                    allowedNumbers: Set<String>) -> (Item, Int)? {
        var end = start
        var total = groups[start].count
        while end + 1 < groups.count, total + groups[end + 1].count <= LocalNumber.digitCounts.upperBound {
            end += 1
            total += groups[end].count
        }
        guard LocalNumber.digitCounts.contains(total), let item = LocalNumber.item(groups[start...end], in: ascii, allowedNumbers: allowedNumbers)
        else { return nil }
        return (item, end)
    }

    /// Words that introduce a number rather than make it part of a code (`Tel13912345678`).
    private static let contactWords: [[UInt8]] = ["tel", "phone", "mobile", "mob", "cell", "call", "sms", "fax", "wx", "vx", "qq", "wechat", "id"]
        .map { Array($0.utf8) }

    private static func isContactWord(endingAt end: Int, in ascii: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = end
        while start > 0, isASCIILetter(ascii[start - 1]) { start -= 1 }
        return contactWords.contains { ascii[start...end].elementsEqual($0) }
    }

    // MARK: E-mail

    /// `#` stands for `@` when people dodge filters (`zhangsan#qq.com`); a domain with a top-level name must follow.
    private static let atForms: [[UInt8]] = ["@", "(@)", "[@]", "(at)", "[at]", "{at}", "<at>", " at ", "#"].map { Array($0.utf8) }
    /// A bracketed dot and `_` stand for the dot too (`qq[.]com`, `qq_com`: no domain holds `_`).
    private static let dotForms: [[UInt8]] = [".", "(dot)", "[dot]", "{dot}", "<dot>", " dot ", "(.)", "[.]", "{.}", "<.>", "_"]
        .map { Array($0.utf8) }

    private static func emails(_ text: NormalizedText) -> [Item] {
        let ascii = text.ascii
        var items: [Item] = []
        guard text.mayContainEmail else { return items }
        var index = 0
        while index < ascii.count {
            // Only `@`, `#` or an opening bracket before `a` or `@` can start an at-form.
            let scalar = ascii[index]
            let mayStart = scalar == 0x40 || (scalar == 0x23 && index > 0 && isASCIIAlphanumeric(ascii[index - 1]))
                || ((scalar == 0x28 || scalar == 0x5B || scalar == 0x7B || scalar == 0x3C || scalar == 0x20)
                    && index + 1 < ascii.count && (ascii[index + 1] == 0x61 || ascii[index + 1] == 0x40))
            guard mayStart, let atLength = form(atForms, in: ascii, at: index) else {
                index += 1
                continue
            }
            // Spaces around `@` and the dots do not hide an address (`zhangsan @ qq . com`).
            var localEnd = index
            while localEnd > 0, ascii[localEnd - 1] == 0x20 { localEnd -= 1 }
            var localStart = localEnd
            while localStart > 0, isLocalPart(ascii[localStart - 1]) { localStart -= 1 }
            var cursor = index + atLength
            while cursor < ascii.count, ascii[cursor] == 0x20 { cursor += 1 }
            var labels: [[UInt8]] = []
            var domainEnd = cursor - 1
            while true {
                var label: [UInt8] = []
                while cursor < ascii.count, isDomainLabel(ascii[cursor]) {
                    label.append(ascii[cursor])
                    cursor += 1
                }
                guard !label.isEmpty else { break }
                labels.append(label)
                domainEnd = cursor - 1
                var dotAt = cursor
                if form(dotForms, in: ascii, at: dotAt) == nil {
                    while dotAt < ascii.count, ascii[dotAt] == 0x20 { dotAt += 1 }
                }
                guard let dot = form(dotForms, in: ascii, at: dotAt) else { break }
                var next = dotAt + dot
                while next < ascii.count, ascii[next] == 0x20 { next += 1 }
                guard next < ascii.count, isDomainLabel(ascii[next]) else { break }
                cursor = next
            }
            let local = Array(ascii[localStart..<localEnd])
            if !local.isEmpty, labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(isASCIILetter) {
                let address = String(decoding: local, as: UTF8.self) + "@"
                    + labels.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
                items.append(Item(rule: .email, first: localStart, last: domainEnd, value: address))
                index = domainEnd + 1
            } else {
                index += atLength
            }
        }
        return items
    }

    private static func form(_ forms: [[UInt8]], in ascii: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for form in forms where index + form.count <= ascii.count {
            if ascii[index..<index + form.count].elementsEqual(form) { return form.count }
        }
        return nil
    }

    // MARK: Character classes (text is already lower case and half width)

    private static func isDigit(_ scalar: UInt8) -> Bool { scalar >= 0x30 && scalar <= 0x39 }
    private static func isASCIILetter(_ scalar: UInt8) -> Bool { scalar >= 0x61 && scalar <= 0x7A }
    private static func isASCIIAlphanumeric(_ scalar: UInt8) -> Bool { isDigit(scalar) || isASCIILetter(scalar) }

    private static func isLocalPart(_ scalar: UInt8) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == 0x2E || scalar == 0x5F || scalar == 0x25 || scalar == 0x2B || scalar == 0x2D
    }

    private static func isDomainLabel(_ scalar: UInt8) -> Bool { isASCIIAlphanumeric(scalar) || scalar == 0x2D }
}
