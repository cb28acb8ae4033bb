import Glibc

/// An entry `readdir` returned, read where it lies. `readdir` hands out
/// records only as long as their name (`d_reclen`), packed in the stream's
/// buffer; `entry.pointee.d_name` copies the whole `struct dirent` (280
/// bytes), past the end of a short record, and past the end of the buffer
/// when the record is its last: where that end is the end of a mapped page,
/// the build crashed (a segmentation fault, seen several times on the benchmark province).
package enum DirectoryEntry {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entry's name, NUL-terminated, in place.
    package static func name(_ entry: UnsafePointer<dirent>) -> UnsafePointer<CChar> {
        UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
    }

    /// The entry's name as the bytes it is (not every name is UTF-8), without its NUL.
    package static func nameBytes(_ entry: UnsafePointer<dirent>) -> [UInt8] {
        let name = name(entry)
        return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
    }
}
