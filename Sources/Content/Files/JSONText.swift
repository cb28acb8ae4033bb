/// JSON written straight into bytes, for output too large or too frequent
/// for `JSONEncoder` (a search index; `moderate --format json` over a
/// province, where encoding took a fifth of the run on one core).
/// Strings are escaped as `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes`; ``appendString(_:to:escapingAngleBrackets:)``
/// can also escape `<`, so no `</script>` can appear in what it writes.
package enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    package static func appendString(_ text: String, to json: inout [UInt8], escapingAngleBrackets: Bool = false) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): json += [UInt8(ascii: "\\"), byte]
            case 0x08: json += Array("\\b".utf8)
            case 0x0C: json += Array("\\f".utf8)
            case 0x0A: json += Array("\\n".utf8)
            case 0x0D: json += Array("\\r".utf8)
            case 0x09: json += Array("\\t".utf8)
            case UInt8(ascii: "<") where escapingAngleBrackets: json += Array("\\u003c".utf8)
            case 0..<0x20: json += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    package static func appendNumber(_ value: Int, to json: inout [UInt8]) {
        // The digits into a small buffer, then one append: appending them one by one checked the
        // array's uniqueness and capacity for each (2 % of a province build, in the search shards).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { json.append(UInt8(ascii: "-")) }
            json.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
