/// Which characters are Chinese characters (Han ideographs), for everything
/// that treats them alike: traditional → simplified conversion, NFKC's
/// shortcut, search tokens. CJK Unified Ideographs, Extension A, the
/// compatibility ideographs, and the supplementary planes' extensions.
package enum HanScript {
    package static let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F]

    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
