/// The quick look at a line's UTF-8 bytes that tells whether it may hold one of the ``InterposedMarks``: only
/// such a line is read scalar by scalar (``PhoneticReadings``), and most hold none.
extension InterposedMarks {
    /// Whether the UTF-8 `bytes` at `index` may start such a mark (the line is then read scalar by scalar):
    /// `^`, `*`, two dots, a digit, and the other marks by their bytes (raised letters, U+1D2C–1DBF, start with
    /// 0xE1, which ``PhoneticReadings`` reads a line for already).
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let last = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch byte {
        case 0x5E, 0x2A: return true
        // A dot before another, a space or what a reader reads through (`. . .`, `._._`), or a scalar not ASCII.
        case 0x2E: return [0x2E, 0x20, 0x5F, 0x2D, 0x7E, 0x2A].contains(next) || next >= 0x80
        // A digit at the start of a line, or after anything but a letter or digit (an ideograph, `'`, `~`…).
        case 0x30...0x39:
            guard index > 0 else { return true }
            let before = bytes[index - 1]
            return !((0x30...0x39).contains(before) || (0x41...0x5A).contains(before) || (0x61...0x7A).contains(before))
        case 0xD9, 0xDB, 0xDF: return true  // Arabic-Indic and NKo digits
        // U+0800–0FFF (the digits of the Indic scripts, Thai, Lao, Tibetan…) and every scalar past the BMP
        // (mathematical digits and those of other scripts): no Chinese sentence holds them.
        case 0xE0, 0xF0: return true
        case 0xC2: return [0xAA, 0xAB, 0xB2, 0xB3, 0xB9, 0xBA].contains(next)  // ª « ² ³ ¹ º
        case 0xCA, 0xCB: return true  // raised letters ʰ–ʸ ˠ–ˤ
        case 0xE2:
            switch (next, last) {
            case (0x80, 0xA5), (0x80, 0xA6), (0x80, 0xB8), (0x80, 0xB9), (0x80, 0xBB), (0x81, 0x85), (0x81, 0xB0...0xBF), (0x82, 0x80...0x9F),
                 (0x85, 0xA0...0xBF), (0x86, 0x80...0x88),  // Ⅰ–ↈ
                 (0x8B, 0xAF), (0x9D, 0xA8), (0x9F, 0xA6), (0x9F, 0xA8), (0xA6, 0x85), (0xB1, 0xBC...0xBD), (0xB8, 0xA8):
                return true  // ‥ … ‹ ※ ⁅ ⁰–⁹ ⁽ ⁿ ₀–₉ ₍ ⋯ ❨ ⟦ ⟨ ⦅ ⱼ ⱽ ⸨
            default:
                return false
            }
        case 0xE3:
            // 。 before what may go on with an ellipsis, 〘〚, ㆒–㆟, ㊟.
            if next == 0x80, last == 0x82 { return continuesAnEllipsis(bytes, at: index + 3) }
            // And the Hangzhou numerals 〡–〩 〸–〺.
            return (next == 0x80 && ((0x98...0x9B).contains(last) || (0xA1...0xA9).contains(last) || (0xB8...0xBA).contains(last)))
                || (next == 0x86 && last >= 0x92) || (next == 0x8A && last == 0x9F)
        case 0xEA: return (0x98...0xAF).contains(next)  // ꟸ ꟹ, and the digits of the scripts of U+A600–ABFF
        case 0xEF:
            // ︗ ︙–︾ ﹀–﹄ ﹙–﹞ ﹡ ﹤ ＊ ． ０–９ ＜ ＞ ＾ ｟ ｡
            return next == 0xB8 || next == 0xB9 || (next == 0xBC && ((0x90...0x99).contains(last) || [0x8A, 0x8E, 0x9C, 0x9E, 0xBE].contains(last)))
                || (next == 0xBD && (last == 0x9F || last == 0xA1))
        default:
            return false
        }
    }

    /// Whether what follows a full stop at `index` may go on with an ellipsis: another full stop or dot, a
    /// space, `、`, `·`, or a scalar drawn as nothing (`。 。`, `。、。`, `。\u{200B}。`); not the next sentence.
    private static func continuesAnEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let (first, second, third) = (bytes[index], index + 1 < bytes.count ? bytes[index + 1] : 0, index + 2 < bytes.count ? bytes[index + 2] : 0)
        switch (first, second, third) {
        case (0x20, _, _), (0x2E, _, _), (0x5F, _, _), (0x2D, _, _), (0x7E, _, _), (0x2A, _, _), (0xC2, 0xB7, _), (0xE3, 0x80, 0x80...0x82),
             (0xE3, 0x85, 0xA4), (0xE2, 0x80, 0x8B...0x8F), (0xE2, 0x81, 0xA0...0xA4), (0xEF, 0xBB, 0xBF), (0xEF, 0xBC, 0x8E), (0xEF, 0xBD, 0xA1),
             (0xEF, 0xB9, 0x92), (0xEF, 0xB8, 0x92):
            return true
        default:
            return false
        }
    }
}
