/// The Luhn checksum of payment card numbers.
enum Luhn {
    static func isValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (position, byte) in digits.reversed().enumerated() {
            var value = Int(byte) - 0x30
            guard (0...9).contains(value) else { return false }
            if position % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
