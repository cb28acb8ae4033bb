import Moderation

/// A calendar date as editors write it (`2024-05-01`), without time or zone,
/// so builds do not depend on the machine's clock or time zone.
package struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// The years an answer's date may fall in: from the founding of the
    /// People's Republic to a bound far enough ahead for any real edit. A year
    /// 0000 or 9999 is a typo, and would sort the answer first or last forever.
    package static let years = 1949...2100

    /// Parses `YYYY-MM-DD`; `nil` for anything else, an impossible date
    /// (`2023-02-29`) or a year outside ``years``.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            Self.years.contains(year), CalendarDate.isValid(year: year, month: month, day: day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    package var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2024年5月1日`, as the Chinese pages show it.
    package var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Days from `earlier` to this day (negative when `earlier` is later).
    package func days(since earlier: Day) -> Int { ordinal - earlier.ordinal }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (civil-from-days, inverted).
    private var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    package static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
