/// Bytes searched for in a page (Boyer–Moore–Horspool, either way): the
/// page is UTF-8 already, and comparing characters would be far slower.
struct BytePattern: Sendable {
    let bytes: [UInt8]
    /// How far a forward search moves on, by the byte under the window's last byte.
    private let forwardShifts: [Int]
    /// How far a backward search moves back, by the byte under the window's first byte.
    private let backwardShifts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var forward = [Int](repeating: max(1, bytes.count), count: 256)
        var backward = forward
        for (offset, byte) in bytes.enumerated() {
            if offset < bytes.count - 1 { forward[Int(byte)] = bytes.count - 1 - offset }
        }
        for (offset, byte) in bytes.enumerated().reversed() where offset > 0 { backward[Int(byte)] = offset }
        forwardShifts = forward
        backwardShifts = backward
    }

    var count: Int { bytes.count }

    /// Where these bytes first start in `haystack` at or after `start`; `start` itself when they are empty.
    func firstIndex(in haystack: [UInt8], from start: Int) -> Int? {
        guard !bytes.isEmpty else { return start <= haystack.count ? start : nil }
        let last = bytes.count - 1
        return haystack.withUnsafeBufferPointer { page in
            bytes.withUnsafeBufferPointer { needle in
                forwardShifts.withUnsafeBufferPointer { shifts in
                    var window = max(0, start)
                    while window + last < page.count {
                        let end = page[window + last]
                        if end == needle[last], Self.matches(page, at: window, needle) { return window }
                        window += shifts[Int(end)]
                    }
                    return nil
                }
            }
        }
    }

    /// Where these bytes last start in `haystack` with their start in `starts`; `nil` when they are empty.
    func lastIndex(in haystack: [UInt8], startingIn starts: Range<Int>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        return haystack.withUnsafeBufferPointer { page in
            bytes.withUnsafeBufferPointer { needle in
                backwardShifts.withUnsafeBufferPointer { shifts in
                    var window = min(starts.upperBound - 1, page.count - needle.count)
                    while window >= max(0, starts.lowerBound) {
                        let first = page[window]
                        if first == needle[0], Self.matches(page, at: window, needle) { return window }
                        window -= shifts[Int(first)]
                    }
                    return nil
                }
            }
        }
    }

    private static func matches(_ page: UnsafeBufferPointer<UInt8>, at window: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < needle.count, page[window + offset] == needle[offset] { offset += 1 }
        return offset == needle.count
    }
}
