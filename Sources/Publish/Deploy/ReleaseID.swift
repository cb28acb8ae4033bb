import Foundation

/// A release's name: `<UTC time>-<content hash>`, e.g.
/// `20261129T230501Z-1a2b3c4d5e`, sorting by age and naming what it holds.
/// Only such names are taken for releases (they reach a server's shell).
package enum ReleaseID {
    /// The length of the time at the start of an id.
    private static let stampLength = 16

    /// A new id that sorts after every one of `taken`: rollback and pruning go by that order, so two deploys
    /// in the same second, or a server clock set back, must still make the newest release sort last.
    /// Its time is `now`, or one second after the newest taken release when that is not earlier.
    static func new(at now: Date, contentHash: String, taken: Set<String>) -> String {
        let formatter = stampFormatter()
        var stamp = formatter.string(from: now)
        if let newest = taken.filter(isValid).map({ String($0.prefix(stampLength)) }).max(), newest >= stamp,
           let newestTime = formatter.date(from: newest) {
            stamp = formatter.string(from: newestTime.addingTimeInterval(1))
        }
        let base = "\(stamp)-\(contentHash.prefix(10))"
        var id = base
        var counter = 2
        while taken.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }

    /// Letters, digits and `-` only, starting with a digit.
    package static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("0"..."9").contains(first), id.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "-" }
    }

    /// When the release was made, from its id.
    package static func time(of id: String) -> String? {
        guard id.count >= stampLength, let date = stampFormatter().date(from: String(id.prefix(stampLength))) else { return nil }
        return ISO8601DateFormatter().string(from: date)
    }

    private static func stampFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
