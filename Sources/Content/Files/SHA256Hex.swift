import Crypto
import Foundation

extension SHA256 {
    /// Lowercase hexadecimal SHA-256 of `bytes`.
    package static func hex(_ bytes: some DataProtocol) -> String {
        hash(data: bytes).hex
    }
}

extension SHA256Digest {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The digest in lowercase hexadecimal, written into one string (a string for each byte, joined, was a
    /// seventh of a `moderate` run whose files were all known).
    package var hex: String {
        String(unsafeUninitializedCapacity: Self.byteCount * 2) { buffer in
            var written = 0
            for byte in self {
                buffer[written] = Self.digits[Int(byte >> 4)]
                buffer[written + 1] = Self.digits[Int(byte & 0x0F)]
                written += 2
            }
            return written
        }
    }
}
