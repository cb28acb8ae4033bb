import Foundation

/// A release's name: `<UTC time>-<content hash>`, e.g.
/// `20261129T230501Z-1a2b3c4d5e`, sorting by age and naming what it holds.
/// Only such names are taken for releases (they reach a server's shell).
package enum ReleaseID {
    /// A new id, not one of `taken` (`-2`, `-3`… after it if needed).
    static func new(at now: Date, contentHash: String, taken: Set<String>) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(formatter.string(from: now))-\(contentHash.prefix(10))"
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
        guard id.count >= 16 else { return nil }
        let stamp = id.prefix(16)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        guard let date = formatter.date(from: String(stamp)) else { return nil }
        return ISO8601DateFormatter().string(from: date)
    }
}
