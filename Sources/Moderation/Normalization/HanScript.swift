/// Which characters are Chinese characters (Han ideographs), for everything
/// that treats them alike: traditional → simplified conversion, NFKC's
/// shortcut, search tokens. CJK Unified Ideographs, Extension A, the
/// compatibility ideographs, and the supplementary planes' extensions.
package enum HanScript {
    static let extensionA: ClosedRange<UInt32> = 0x3400...0x4DBF
    static let unified: ClosedRange<UInt32> = 0x4E00...0x9FFF
    static let compatibility: ClosedRange<UInt32> = 0xF900...0xFAFF
    /// Extensions B to F and the compatibility supplement.
    static let supplementary: ClosedRange<UInt32> = 0x20000...0x2FA1F

    package static let ranges = [extensionA, unified, compatibility, supplementary]

    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case extensionA, unified, compatibility, supplementary: true
        default: false
        }
    }
}
