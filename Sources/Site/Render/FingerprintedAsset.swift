import Content
import Crypto
import Foundation

/// A theme asset or the logo, published as `/assets/<name>.<hash>.<ext>`: a
/// new version gets a new address, so the old one can be cached for a year.
struct FingerprintedAsset: Sendable {
    /// The name in the theme, e.g. `style.css` or `icons/phone.svg`.
    let name: String
    let bytes: [UInt8]
    /// `/assets/style.1a2b3c4d5e.css`.
    let url: String

    init(source: String, name: String) throws(ContentIssue) {
        self.name = name
        bytes = try FileBytes.read(source)
        let hash = SHA256.hex(bytes).prefix(10)
        let fileExtension = (name as NSString).pathExtension
        let stem = fileExtension.isEmpty ? name : String(name.dropLast(fileExtension.count + 1))
        url = "/assets/\(stem).\(hash)" + (fileExtension.isEmpty ? "" : ".\(fileExtension)")
    }
}
