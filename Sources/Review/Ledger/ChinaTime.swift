import Foundation

/// Times as reviewers read them: China Standard Time (UTC+8, no daylight
/// saving), while the ledger stores UTC.
package enum ChinaTime {
    package static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// `2024-09-10 14:05`.
    package static func format(_ date: Date) -> String {
        formatter("yyyy-MM-dd HH:mm").string(from: date)
    }

    /// The day `date` falls on in China, `2024-09-10`.
    package static func day(of date: Date) -> String {
        formatter("yyyy-MM-dd").string(from: date)
    }

    /// Midnight China Standard Time of a day written `2024-09-10`, if it is one.
    package static func midnight(of day: String) -> Date? {
        formatter("yyyy-MM-dd").date(from: day)
    }

    private static func formatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }
}
