/// Reads what an ``ArchiveWriter`` wrote, in the same order. Anything out of
/// place (a length past the end, text read that is not UTF-8) throws ``Damaged``:
/// the reader then drops the whole cache, never part of it. Text passed over
/// (``skipText()``) is checked for its length only, and read later from
/// ``bytes(from:)`` by whoever needs it (``AnswerTexts``).
package struct ArchiveReader {
    package struct Damaged: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0
    /// Where the archive ends in `bytes` (a seal may follow).
    private let end: Int

    package init(_ bytes: [UInt8], end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
    }

    package var isAtEnd: Bool { offset == end }

    /// Where the next value starts.
    package var position: Int { offset }

    /// The bytes read, from `start` to here (to be written again as they are).
    package func bytes(from start: Int) -> ArraySlice<UInt8> {
        bytes[start..<offset]
    }

    package mutating func int() throws(Damaged) -> Int {
        guard end - offset >= 8 else { throw Damaged() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }

    package mutating func bool() throws(Damaged) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func text() throws(Damaged) -> String {
        let count = try int()
        guard count >= 0, end - offset >= count else { throw Damaged() }
        let text = bytes[offset..<offset + count].withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let text else { throw Damaged() }
        offset += count
        return text
    }

    package mutating func optionalText() throws(Damaged) -> String? {
        try bool() ? try text() : nil
    }

    package mutating func texts() throws(Damaged) -> [String] {
        try list { (reader: inout ArchiveReader) throws(Damaged) in try reader.text() }
    }

    package mutating func ints() throws(Damaged) -> [Int] {
        try list { (reader: inout ArchiveReader) throws(Damaged) in try reader.int() }
    }

    /// A count, then that many values each read by `read`.
    private mutating func list<Value>(_ read: (inout ArchiveReader) throws(Damaged) -> Value) throws(Damaged) -> [Value] {
        let count = try self.count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// Passes over a text without making a string of it: it is read later from ``bytes(from:)``, if at all.
    /// - Returns: its length in bytes.
    @discardableResult
    package mutating func skipText() throws(Damaged) -> Int {
        let count = try int()
        guard count >= 0, end - offset >= count else { throw Damaged() }
        offset += count
        return count
    }

    /// Passes over a list of texts (see ``skipText()``).
    package mutating func skipTexts() throws(Damaged) {
        for _ in 0..<(try self.count()) { try skipText() }
    }

    /// Passes over a list of numbers.
    package mutating func skipInts() throws(Damaged) {
        let count = try self.count()
        guard count <= (end - offset) / 8 else { throw Damaged() }
        offset += 8 * count
    }

    /// A count of items that follow, each at least a byte: never more than the bytes left.
    package mutating func count() throws(Damaged) -> Int {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Damaged() }
        return count
    }
}
