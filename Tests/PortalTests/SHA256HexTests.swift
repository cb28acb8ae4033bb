import Content
import Crypto
import Foundation
import Testing

/// Hashes name files in the ledger, the manifests and every cache: the hexadecimal must be the standard one.
struct SHA256HexTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("内部资料", "ea8c74a7ec2c358d68eeb881e81af7fae74e42158837e7c14039c15fdd6eb8bb"),
    ])
    func theDigestIsWrittenAsLowercaseHexadecimal(text: String, expected: String) {
        #expect(SHA256.hex(Data(text.utf8)) == expected)
    }
}
