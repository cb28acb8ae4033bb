/// Dates written in digits (`2024.09.10`, `2024-9-1`, `2024 12 31`): inside a
/// run of digit groups they are dates, not parts of a caller's number.
package enum CalendarDate {
    /// Whether the Gregorian calendar has this day.
    package static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= days(inMonth: month, year: year)
    }

    /// Days in `month` (1–12) of `year`, Gregorian.
    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The index ranges of digit groups that read as year, month and day:
    /// a four-digit year 1900–2099, then a month and a day of one or two digits.
    static func triples(in groups: [UnsafeBufferPointer<UInt8>.SubSequence]) -> [ClosedRange<Int>] {
        var found: [ClosedRange<Int>] = []
        var index = 0
        while index + 2 < groups.count {
            let (year, month, day) = (groups[index], groups[index + 1], groups[index + 2])
            if year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count),
                case let value = number(year), (1900...2099).contains(value),
                isValid(year: value, month: number(month), day: number(day)) {
                found.append(index...index + 2)
                index += 3
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the groups `span` are dates only, or split one of `dates`.
    static func isDatesOnlyOrCut(_ span: ClosedRange<Int>, dates: [ClosedRange<Int>]) -> Bool {
        var covered = 0
        for date in dates where date.overlaps(span) {
            guard span.contains(date.lowerBound), span.contains(date.upperBound) else { return true }
            covered += date.count
        }
        return covered == span.count
    }

    private static func number(_ digits: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
}
