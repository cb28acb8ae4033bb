/// Markdown character references (`&#23381;`, `&#x5B55;`, `&amp;`): they
/// render as the characters they name, so moderation reads them that way.
enum CharacterReference {
    /// The named references editors plausibly write; numeric ones cover the rest.
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002,
        "emsp": 0x2003, "thinsp": 0x2009, "zwsp": 0x200B, "zwnj": 0x200C, "zwj": 0x200D, "shy": 0xAD,
        "middot": 0xB7, "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "ldquo": 0x201C, "rdquo": 0x201D,
        "lsquo": 0x2018, "rsquo": 0x2019, "times": 0xD7, "copy": 0xA9, "commat": 0x40, "period": 0x2E,
    ]

    /// Decodes a reference starting at `start` (which holds `&`).
    /// - Returns: the scalar and the offset just past the `;`, or `nil` when there is none.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (scalar: UInt32, end: Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var radix: UInt32 = 10
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 8, let digit = digitValue(bytes[index], radix: radix) {
                value = value * radix + digit
                index += 1
            }
            guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";"),
                value != 0, let scalar = Unicode.Scalar(value)
            else { return nil }
            return (scalar.value, index + 1)
        }
        var name = ""
        while index < bytes.count, index - start <= 10, isASCIIAlphanumeric(bytes[index]) {
            name.unicodeScalars.append(Unicode.Scalar(bytes[index]))
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";"), let value = named[name] else { return nil }
        return (value, index + 1)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
