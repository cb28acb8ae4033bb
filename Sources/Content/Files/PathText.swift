import Foundation

/// Paths as text, where Foundation's own path methods fail.
package enum PathText {
    /// `path` without its last component, as `NSString.deletingLastPathComponent` gives it
    /// (`a/b` → `a`, `/a` → `/`, `a` → ``), which in swift-corelibs-foundation crashes on a path
    /// of one one-character component (`O`, `O/`): `build --output O` did (found by an attack on #15).
    package static func parent(of path: String) -> String {
        var end = path[...]
        while end.count > 1, end.hasSuffix("/") { end = end.dropLast() }
        guard end.contains("/") else { return "" }
        return (path as NSString).deletingLastPathComponent
    }

    /// Whether `path` is `folder` itself or lies inside it, as written (nothing resolved: see
    /// ``RealPath/isInside(_:_:)`` for the file system's view).
    package static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether `first` comes before `second` in the order of their UTF-8 bytes (where `<` compares
    /// canonically equivalent texts as equal, and orders some others otherwise): the order of a walk that
    /// sorts each folder's names as bytes, which ``FolderFingerprint`` hashes.
    package static func precedesInBytes(_ first: String, _ second: String) -> Bool {
        var (first, second) = (first, second)
        return first.withUTF8 { a in second.withUTF8 { b in precedesInBytes(a, b) } }
    }

    /// Whether the bytes `first` come before the bytes `second`: the order above, for paths already held as bytes.
    package static func precedesInBytes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(first.count, second.count)
        let order = common == 0 ? 0 : memcmp(first.baseAddress!, second.baseAddress!, common)
        return order != 0 ? order < 0 : first.count < second.count
    }
}
