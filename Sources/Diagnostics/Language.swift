import Foundation

/// The language messages are shown in: Simplified Chinese when the locale
/// says so (`LANG=zh_CN.UTF-8`, or `LC_ALL`/`LC_MESSAGES`), English otherwise.
package enum Language: Sendable {
    case english
    case chinese

    /// From the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG.
    package static func from(_ environment: [String: String]) -> Language {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    package static let current = from(ProcessInfo.processInfo.environment)
}
