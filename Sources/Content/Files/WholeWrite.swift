import Glibc

/// Writing every byte of a buffer to an open file, through short writes and interrupted calls.
package enum WholeWrite {
    /// - Returns: whether every byte was written; when not, `errno` says why.
    package static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += result
            }
            return true
        }
    }
}
