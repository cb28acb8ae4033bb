import Crypto
import Foundation
import Glibc

/// A file being written with a seal at its end (``CacheSeal/file(at:)``): its
/// bytes go to a temporary file beside it, the seal follows the last, and
/// only then is it renamed over the old one. A write that fails leaves the
/// old file as it was and no temporary file.
package final class SealedFile {
    private let path: String
    private let temporary: String
    private var descriptor: Int32
    private var authenticator: HMAC<SHA256>
    private var failed = false

    init?(path: String, authenticator: HMAC<SHA256>) {
        self.path = path
        temporary = "\(path).\(getpid()).tmp"
        self.authenticator = authenticator
        // Made anew, readable by the user alone: a link or a hard link put at the temporary name (one left by a killed
        // writer with the same process number, or planted) is removed, never written through.
        unlink(temporary)
        descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Adds `bytes` to the file and to its seal.
    package func write(_ bytes: ArraySlice<UInt8>) {
        authenticator.update(data: bytes)
        failed = failed || !WholeWrite.write(bytes, to: descriptor)
    }

    /// Seals the file and puts it in place. - Returns: whether it is in place.
    @discardableResult
    package func commit() -> Bool {
        let seal = Array(authenticator.finalize())
        let written = !failed && WholeWrite.write(seal[...], to: descriptor)
        close(descriptor)
        descriptor = -1
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
