import Glibc

/// What `lstat` says of a file: device, inode, size, and modification and
/// status-change times in nanoseconds. Any write, rename or `chmod` changes
/// the status-change time, which no one can set back (unlike the
/// modification time `touch -d` can), so an equal stamp means the same bytes
/// as far as a cache can tell without reading them (git's index relies on the same).
package struct FileStamp: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64
    /// Every field, for a fingerprint of many stamps.
    package var fields: String { "\(device):\(inode):\(size):\(modified):\(changed)" }

    /// All but the status-change time, which also moves when another hard link
    /// to the same file is removed (a build's output shares files with the
    /// previous output, deleted in the background).
    package var fieldsButStatusChange: String { "\(device):\(inode):\(size):\(modified)" }

    /// Appends ``fields`` (or, without `statusChange`, ``fieldsButStatusChange``) as their UTF-8 bytes,
    /// without making the string: a fingerprint of 20,000 stamps spent most of its time making them.
    package func appendFields(to bytes: inout [UInt8], statusChange: Bool = true) {
        Self.append(device, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(inode, to: &bytes)
        Self.append(signed: size, to: &bytes)
        Self.append(signed: modified, to: &bytes)
        if statusChange { Self.append(signed: changed, to: &bytes) }
    }

    /// `:` and `value` in decimal digits.
    private static func append(signed value: Int64, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: ":"))
        JSONText.appendNumber(Int(value), to: &bytes)
    }

    /// `value` in decimal digits (device and inode numbers are unsigned: ``JSONText/appendNumber(_:to:)`` takes an `Int`).
    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// A regular file, not a folder or link.
    package let isFile: Bool
    package let isFolder: Bool

    /// `nil` when the path does not exist or cannot be examined.
    package init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// What `path` names, a link followed (`stat`, not `lstat`); `nil` when it cannot be examined.
    package init?(following path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The entry `name` of the open folder `folder` (no path to resolve again for each file of a folder).
    init?(name: UnsafePointer<CChar>, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        self.init(info)
    }

    /// What `fstat` or `lstat` said.
    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        // Wrapping: a time set past 2262 (`touch -d 2300-01-01`) must not stop every build; it only has to differ.
        modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
        isFile = (info.st_mode & S_IFMT) == S_IFREG
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The stamp as a build's cache keeps it.
    func write(to archive: inout ArchiveWriter) {
        for value in [Int(bitPattern: UInt(device)), Int(bitPattern: UInt(inode)), Int(size), Int(modified), Int(changed)] {
            archive.int(value)
        }
        archive.bool(isFile)
        archive.bool(isFolder)
    }

    init(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) {
        device = UInt64(UInt(bitPattern: try archive.int()))
        inode = UInt64(UInt(bitPattern: try archive.int()))
        size = Int64(try archive.int())
        modified = Int64(try archive.int())
        changed = Int64(try archive.int())
        isFile = try archive.bool()
        isFolder = try archive.bool()
    }
}
