import Foundation

/// Times as reviewers read them: China Standard Time (UTC+8, no daylight
/// saving), while the ledger stores UTC.
package enum ChinaTime {
    package static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// `2024-09-10 14:05`.
    package static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
