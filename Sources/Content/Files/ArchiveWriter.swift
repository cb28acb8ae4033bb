/// Values written one after another as bytes, for a cache file that must be
/// read back fast (``ArchiveReader``): integers as 8 bytes little-endian,
/// text as its UTF-8 length then bytes. No names, no versions: a cache is
/// read only by the build that wrote it (see ``CacheSeal``).
package struct ArchiveWriter {
    package private(set) var bytes: [UInt8] = []
    /// Takes the bytes written so far whenever they reach `limit` (a file being written): the archive is never whole in memory.
    private let drain: ((ArraySlice<UInt8>) -> Void)?
    private let limit: Int

    package init() {
        drain = nil
        limit = .max
    }

    /// A writer that hands its bytes to `drain` a few megabytes at a time; ``finish()`` hands over the rest.
    package init(drainingEvery limit: Int, into drain: @escaping (ArraySlice<UInt8>) -> Void) {
        self.drain = drain
        self.limit = limit
    }

    /// Hands what is left to the drain.
    package mutating func finish() {
        drain?(bytes[...])
        if drain != nil { bytes.removeAll(keepingCapacity: false) }
    }

    private mutating func spill() {
        guard let drain, bytes.count >= limit else { return }
        drain(bytes[...])
        bytes.removeAll(keepingCapacity: true)
    }

    package mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Bytes as they are, with no length (a seal at the end).
    package mutating func append(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
        spill()
    }

    package mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    package mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        spill()
    }

    package mutating func optionalText(_ value: String?) {
        bool(value != nil)
        if let value { text(value) }
    }

    package mutating func texts(_ values: [String]) {
        int(values.count)
        for value in values { text(value) }
    }

    package mutating func ints(_ values: [Int]) {
        int(values.count)
        for value in values { int(value) }
    }
}
