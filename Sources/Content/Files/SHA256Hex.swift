import Crypto
import Foundation

extension SHA256 {
    /// Lowercase hexadecimal SHA-256 of `bytes`.
    package static func hex(_ bytes: some DataProtocol) -> String {
        hash(data: bytes).hex
    }
}

extension SHA256Digest {
    /// The digest in lowercase hexadecimal.
    package var hex: String {
        map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }
}
