/// A text as moderation reads it: normalised scalars as personal-data
/// detection reads them, each remembering where in the original it came from,
/// so findings point at what was written; and the same text as the term trie
/// reads it, noise left out.
///
/// Made in one pass over the UTF-8 bytes, into buffers that exist only while
/// the closure given to ``normalizing(_:reading:maxGap:_:)`` runs.
struct NormalizedText {
    /// Normalised scalars, noise included, as ASCII bytes: the Unicode dashes
    /// U+2010–2014 read `ScalarReading.dash`, any other non-ASCII scalar `ScalarReading.other`.
    let ascii: UnsafeBufferPointer<UInt8>
    /// Where in the original text the character of each scalar starts (a byte offset).
    let start: UnsafeBufferPointer<Int32>
    /// The non-noise scalars as trie symbols. A 0 stands for any run of
    /// scalars no term contains and for a gap of more than `maxGap` noise
    /// scalars: a term cannot continue across it.
    let symbols: UnsafeBufferPointer<UInt32>
    /// For each symbol, the index of its scalar in `ascii` and `start`.
    let symbolPositions: UnsafeBufferPointer<Int32>
    /// Index of the first ASCII digit, if any: personal numbers start at one.
    let firstDigit: Int?
    /// Whether an `@`, a `#` or a bracketed `at` (`(at)`, `[at]`…) occurs: e-mail addresses need one.
    let mayContainEmail: Bool
    /// Whether a right-to-left character or direction control was written (see ``RightToLeft``).
    let hasRightToLeft: Bool
    /// Whether an ideograph outside GB 2312 was written (``ScalarReading/rare``).
    let hasRareCharacter: Bool

    var count: Int { ascii.count }

    /// Normalises UTF-8 `bytes` (invalid sequences read as U+FFFD) and calls
    /// `body` with the result, which must not escape it.
    static func normalizing<Result>(_ bytes: UnsafeBufferPointer<UInt8>, reading: ScalarReading, maxGap: Int,
                                    _ body: (NormalizedText) throws -> Result) rethrows -> Result {
        // Almost every text yields at most one scalar per byte; a compatibility
        // character can expand to up to 18 (U+FDFA), so retry with room for that.
        for capacity in [bytes.count + 64, bytes.count * 18 + 64] {
            let storage = Storage(capacity: capacity)
            defer { storage.deallocate() }
            if let text = normalize(bytes, reading: reading, maxGap: maxGap, into: storage) { return try body(text) }
        }
        preconditionFailure("no scalar normalises to more than 18 scalars")
    }

    private init(storage: Storage, count: Int, symbolCount: Int, firstDigit: Int?, mayContainEmail: Bool, hasRightToLeft: Bool,
                 hasRareCharacter: Bool) {
        ascii = UnsafeBufferPointer(start: storage.ascii, count: count)
        start = UnsafeBufferPointer(start: storage.start, count: count)
        symbols = UnsafeBufferPointer(start: storage.symbols, count: symbolCount)
        symbolPositions = UnsafeBufferPointer(start: storage.symbolPositions, count: symbolCount)
        self.firstDigit = firstDigit
        self.mayContainEmail = mayContainEmail
        self.hasRightToLeft = hasRightToLeft
        self.hasRareCharacter = hasRareCharacter
    }

    /// `nil` when the storage is too small.
    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, reading: ScalarReading, maxGap: Int,
                                  into storage: Storage) -> NormalizedText? {
        var writer = Writer(storage: storage, maxGap: maxGap)
        var index = 0
        while index < bytes.count {
            let from = index
            let value: UInt32
            (value, index) = decode(bytes, at: index)
            if writer.count < storage.capacity, let entry = reading.single(value) {
                writer.append(entry, from: from)
                continue
            }
            // The slow path: scalars that normalise to none or several, right-to-left controls among them.
            if RightToLeft.contains(value) { writer.hasRightToLeft = true }
            var overflow = false
            reading.normalize(value) { entry in
                guard writer.count < storage.capacity else {
                    overflow = true
                    return
                }
                writer.append(entry, from: from)
            }
            if overflow { return nil }
        }
        return NormalizedText(storage: storage, count: writer.count, symbolCount: writer.symbolCount,
                              firstDigit: writer.firstDigit, mayContainEmail: writer.mayContainEmail,
                              hasRightToLeft: writer.hasRightToLeft, hasRareCharacter: writer.hasRareCharacter)
    }

    /// The character written at byte `index` (a character reference read as
    /// the character it stands for), and where the next one starts.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, next: Int) {
        decode(bytes, at: index)
    }

    /// Where the original character of scalar `index` ends in `bytes`.
    func end(ofScalar index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Self.decode(bytes, at: Int(start[index])).next
    }

    /// The scalar written at byte `index`, a character reference (`&#23381;`)
    /// read as the character it stands for; and where the next one starts.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, next: Int) {
        let lead = bytes[index]
        guard lead < 0x80 else { return decodeMultibyte(bytes, at: index) }
        if lead == UInt8(ascii: "&"), let reference = CharacterReference.decode(bytes, at: index) {
            return (reference.scalar, reference.end)
        }
        return (UInt32(lead), index + 1)
    }

    /// Appends normalised scalars and the symbols they make.
    private struct Writer {
        let storage: Storage
        let maxGap: Int
        var count = 0
        var symbolCount = 0
        var lastSymbol: UInt32 = 0
        /// Noise scalars since the last other one.
        var gap = 0
        var firstDigit: Int?
        var mayContainEmail = false
        var hasRightToLeft = false
        var hasRareCharacter = false

        init(storage: Storage, maxGap: Int) {
            self.storage = storage
            self.maxGap = maxGap
        }

        @inline(__always)
        mutating func append(_ entry: ScalarReading.Entry, from: Int) {
            storage.ascii[count] = ScalarReading.ascii(entry)
            storage.start[count] = Int32(truncatingIfNeeded: from)
            if entry & ScalarReading.markBit != 0 { mark(ScalarReading.ascii(entry)) }
            count += 1
            if entry & ScalarReading.noiseBit != 0 {
                gap += 1
                return
            }
            if gap > maxGap && lastSymbol != 0 { appendSymbol(0) }
            gap = 0
            let symbol = ScalarReading.symbol(entry)
            if symbol != 0 || lastSymbol != 0 { appendSymbol(symbol) }
        }

        /// Notes where personal data may be: a digit, an `@`, a `#` after a letter or digit, ` at`, the end of a bracketed `at`.
        private mutating func mark(_ ascii: UInt8) {
            if ascii &- 0x30 < 10 {
                if firstDigit == nil { firstDigit = count }
            } else if ascii == ScalarReading.rightToLeft {
                hasRightToLeft = true
            } else if ScalarReading.isRare(ascii) {
                hasRareCharacter = true
            } else if ascii == 0x40 || (ascii == 0x23 && count >= 1 && NormalizedText.isAlphanumeric(storage.ascii[count - 1]))
                        || (ascii == 0x74 && count >= 2 && storage.ascii[count - 1] == 0x61 && storage.ascii[count - 2] == 0x20)
                        || (count >= 3 && storage.ascii[count - 1] == 0x74 && storage.ascii[count - 2] == 0x61
                            && NormalizedText.opensBracket(storage.ascii[count - 3])) {
                mayContainEmail = true
            }
        }

        @inline(__always)
        private mutating func appendSymbol(_ symbol: UInt32) {
            storage.symbols[symbolCount] = symbol
            storage.symbolPositions[symbolCount] = Int32(truncatingIfNeeded: count - 1)
            symbolCount += 1
            lastSymbol = symbol
        }
    }

    /// A `#` stands for `@` only right after an address's local part (not in `## 标题`).
    static func isAlphanumeric(_ ascii: UInt8) -> Bool {
        (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x61 && ascii <= 0x7A)
    }

    private static func opensBracket(_ ascii: UInt8) -> Bool {
        ascii == 0x28 || ascii == 0x5B || ascii == 0x7B || ascii == 0x3C
    }

    @inline(__always)
    private static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return (0xFFFD, index + 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, index + 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, index + length)
    }

    /// The buffers, uninitialised beyond what `normalize` writes. A noise
    /// scalar adds no symbol and a break needs noise before it, so there are
    /// never more symbols than scalars.
    private struct Storage {
        let capacity: Int
        let ascii: UnsafeMutablePointer<UInt8>
        let start: UnsafeMutablePointer<Int32>
        let symbols: UnsafeMutablePointer<UInt32>
        let symbolPositions: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            self.capacity = capacity
            ascii = .allocate(capacity: capacity)
            start = .allocate(capacity: capacity)
            symbols = .allocate(capacity: capacity)
            symbolPositions = .allocate(capacity: capacity)
        }

        func deallocate() {
            ascii.deallocate()
            start.deallocate()
            symbols.deallocate()
            symbolPositions.deallocate()
        }
    }
}
