import Foundation
import Glibc

/// A buffer a file is read into: `Data` (the texts editors write) or `[UInt8]` (the build's own files).
package protocol FileBuffer {
    init(zeroes count: Int)
    var count: Int { get }
    /// Grows the buffer with zeroes, or cuts it, to `count` bytes.
    mutating func resize(to count: Int)
    mutating func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Data: FileBuffer {
    package init(zeroes count: Int) { self.init(count: count) }
    package mutating func resize(to count: Int) { self.count = count }
}

extension Array: FileBuffer where Element == UInt8 {
    package init(zeroes count: Int) { self.init(repeating: 0, count: count) }
    package mutating func resize(to count: Int) {
        if count < self.count { removeLast(self.count - count) } else { append(contentsOf: repeatElement(0, count: count - self.count)) }
    }
}

/// Reads a regular file whole (a link followed), with `read` straight into the buffer it is used from, of the
/// size `fstat` gives. `FileManager`'s reading was a tenth of a `moderate` run whose files were all known; and
/// for the build's own files, its `Data` was then copied into an array (twice the 45 MB of a build's memory of
/// the benchmark province, each page of it faulted in).
package enum RegularFile {
    /// What is at a path that could be opened and read.
    package enum Contents<Bytes: FileBuffer> {
        case bytes(Bytes)
        /// A folder, a pipe, a device: nothing was read.
        case notAFile
    }

    /// The contents of `path` read to its end; `nil` when it cannot be opened or read.
    package static func read<Bytes: FileBuffer>(_ path: String, as type: Bytes.Type) -> Contents<Bytes>? {
        // Without waiting: a pipe named like an answer, opened to be read, waited for a writer for ever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        // One byte more than the size: a file that grew since is read on to its end.
        var bytes = Bytes(zeroes: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.resize(to: bytes.count + max(bytes.count, 4096)) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.resize(to: filled)
        return .bytes(bytes)
    }

    /// The bytes of the regular file at `path`; `nil` when it cannot be read or is no regular file.
    package static func bytes(_ path: String) -> [UInt8]? {
        guard case .bytes(let bytes)? = read(path, as: [UInt8].self) else { return nil }
        return bytes
    }
}
