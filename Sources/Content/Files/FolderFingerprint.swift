import CExchange
import Crypto
import Glibc

/// The SHA-256 of every entry under a folder, taken in one walk: a `header`
/// line, then for each entry its path below the folder, a tab and its
/// ``FileStamp`` fields, one line each, in the order of the paths' UTF-8
/// bytes. The same as ``fingerprint(_:of:relativeTo:statusChange:)`` of
/// ``FolderSignature`` stamps of the folder, without a path string or a table
/// entry for each file: a `--city` build checks the other twelve sites of the
/// benchmark province (40,000 files) with it, the largest part of its CPU (a
/// fifth, most of it the kernel's `lstat`).
/// Links are stamped, never followed (but `folder` itself may be one).
///
/// A path is hashed with its control characters and backslashes escaped
/// (`\xHH`): a name holding a tab and a newline could otherwise read as the
/// lines of files that are gone, and a changed folder pass for the one recorded.
package enum FolderFingerprint {
    /// Lines are hashed in chunks of about this many bytes.
    private static let chunk = 60_000
    /// Folders deeper than this below the walked one are not walked (a site is a few levels deep): a chain of
    /// 20,000 nested folders overflowed the walk's stack.
    package static let maxDepth = 256

    /// The fingerprint of what lies in `folder`; of nothing when it cannot be opened. A folder holding folders
    /// deeper than ``maxDepth`` gets a fingerprint of its own each time, which no record of a build holds.
    package static func of(_ folder: String, header: String, statusChange: Bool) -> String {
        var walk = Walk(statusChange: statusChange, lines: Array(header.utf8))
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { walk.visit(descriptor, depth: 0) }
        if walk.isIncomplete {
            var random = SystemRandomNumberGenerator()
            walk.lines += Array("incomplete \(random.next() as UInt64) \(random.next() as UInt64)\n".utf8)
        }
        walk.digest.update(data: walk.lines)
        return walk.digest.finalize().hex
    }

    /// Appends `path`, its bytes below 0x20, 0x7F and backslashes as `\xHH`.
    private static func appendEscaped(_ path: some Sequence<UInt8>, to lines: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        for byte in path {
            if byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\\") {
                lines.append(byte)
            } else {
                lines += [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
    }

    /// SHA-256 of `header` and a line for each stamp, the paths less `root` and its slash (none without a
    /// root), in the order of their UTF-8 bytes: the lines ``of(_:header:statusChange:)`` hashes for a walk.
    package static func fingerprint(_ header: String, of stamps: [String: FileStamp], relativeTo root: String?,
                                    statusChange: Bool) -> String {
        let drop = root.map { $0.utf8.count + 1 } ?? 0
        // Every path's bytes side by side, and the entries sorted as their indices: no string is copied, nor
        // retained and released, for each comparison (sorting the (path, stamp) pairs was most of this function,
        // which a build runs four times over the stamps of every input).
        var paths: [UInt8] = []
        var spans: [Range<Int>] = []
        var values: [FileStamp] = []
        paths.reserveCapacity(stamps.count * 64)
        spans.reserveCapacity(stamps.count)
        values.reserveCapacity(stamps.count)
        for (path, stamp) in stamps {
            let start = paths.count
            paths += path.utf8
            spans.append(start..<paths.count)
            values.append(stamp)
        }
        var digest = SHA256()
        var lines = Array(header.utf8)
        lines.reserveCapacity(chunk + 4096)
        paths.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                let order = spans.indices.sorted { first, second in
                    PathText.precedesInBytes(UnsafeBufferPointer(rebasing: bytes[spans[first]]), UnsafeBufferPointer(rebasing: bytes[spans[second]]))
                }
                for index in order {
                    let span = spans[index]
                    appendEscaped(bytes[min(span.lowerBound + drop, span.upperBound)..<span.upperBound], to: &lines)
                    lines.append(UInt8(ascii: "\t"))
                    values[index].appendFields(to: &lines, statusChange: statusChange)
                    lines.append(UInt8(ascii: "\n"))
                    if lines.count > chunk {
                        digest.update(data: lines)
                        lines.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        digest.update(data: lines)
        return digest.finalize().hex
    }

    /// One walk's state: the path of the folder in hand (with its slash, escaped), the lines not yet hashed.
    private struct Walk {
        let statusChange: Bool
        var lines: [UInt8]
        var digest = SHA256()
        var prefix: [UInt8] = []
        /// Whether a folder deeper than ``maxDepth`` was left unwalked.
        var isIncomplete = false
        /// Where each folder's records are read (the folders below it are walked once it is read).
        var buffer = [UInt8](repeating: 0, count: 32_768)

        /// One entry of a folder: its line (`contents` false) or, for a folder, what lies in it (`contents`
        /// true, sorted as its name and a slash, where every path below it begins).
        struct Entry {
            var key: [UInt8]
            let stamp: FileStamp
            let contents: Bool
        }

        /// Hashes what lies in the folder open at `folder`, `depth` folders below the walked one, and closes it.
        mutating func visit(_ folder: Int32, depth: Int) {
            defer { close(folder) }
            guard depth <= FolderFingerprint.maxDepth else {
                isIncomplete = true
                return
            }
            var entries: [Entry] = []
            // The folder's records read straight into a buffer (`getdents64`), not through `fdopendir` and
            // `readdir`: the 24,000 folders of the benchmark's other sites cost two calls fewer each.
            buffer.withUnsafeMutableBytes { buffer in
                while case let count = portal_read_directory(folder, buffer.baseAddress!, buffer.count), count > 0 {
                    var offset = 0
                    while offset < count {
                        // struct linux_dirent64: inode (8 bytes), offset (8), record length (2), type (1), name.
                        let record = buffer.baseAddress! + offset
                        offset += Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                        let name = UnsafePointer((record + 19).assumingMemoryBound(to: CChar.self))
                        if name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0)) { continue }
                        guard let stamp = FileStamp(name: name, in: folder) else { continue }
                        let bytes = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
                        entries.append(Entry(key: bytes, stamp: stamp, contents: false))
                        if stamp.isFolder { entries.append(Entry(key: bytes + [UInt8(ascii: "/")], stamp: stamp, contents: true)) }
                    }
                }
            }
            entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            for entry in entries {
                if entry.contents {
                    // Not through a link put in the folder's place since it was stamped.
                    let inner = Self.openFolder(named: entry.key.dropLast() + [0], in: folder)
                    guard inner >= 0 else { continue }
                    let length = prefix.count
                    FolderFingerprint.appendEscaped(entry.key, to: &prefix)
                    visit(inner, depth: depth + 1)
                    prefix.removeSubrange(length...)
                } else {
                    lines += prefix
                    FolderFingerprint.appendEscaped(entry.key, to: &lines)
                    lines.append(UInt8(ascii: "\t"))
                    entry.stamp.appendFields(to: &lines, statusChange: statusChange)
                    lines.append(UInt8(ascii: "\n"))
                    if lines.count > FolderFingerprint.chunk {
                        digest.update(data: lines)
                        lines.removeAll(keepingCapacity: true)
                    }
                }
            }
        }

        /// The folder `name` (NUL-terminated) of the folder open at `folder`, opened without following a link.
        private static func openFolder(named name: [UInt8], in folder: Int32) -> Int32 {
            name.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { openat(folder, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            }
        }
    }
}
