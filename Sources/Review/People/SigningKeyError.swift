import Crypto
import Diagnostics
import Foundation
import Glibc

/// A key file that cannot be written or read.
package struct SigningKeyError: Diagnostic {
    package let path: String
    package let reason: String
    package var location: SourceLocation? { SourceLocation(file: path) }
    package var message: String { reason }
}
