import CExchange
import Content
import Glibc

/// A changed page whose old file in the spare release is that release's
/// alone is written into that file, instead of being set aside and created
/// anew: no inode is freed and none allocated. On ext4 without a journal
/// (this machine), allocating an inode walks past every free one of its
/// group freed in the last minutes, and a freed file's blocks wait for the
/// disk's discard: a template change, which changes every page, paid both.
///
/// Only a file nobody can see change is written into: a regular file of the
/// user's, mode 0644, with one link (no live page and no other folder shares
/// it), that no process has open or mapped: the build writes it holding a
/// write lease (`F_SETLEASE`), which the kernel refuses while any other
/// descriptor of it is open. A reader still being sent a page of the
/// release before the last (a slow client) keeps reading that release's
/// bytes: that file is set aside and the page created anew.
extension StagedOutput {
    /// Writes `bytes` into the spare release's file at `full` when it may be (see above).
    /// - Returns: the file's stamp once written, or `nil`: then the caller sets it
    ///   aside and creates the page anew (a write that failed half-way included).
    static func rewriteInPlace(_ bytes: [UInt8], at full: String) -> FileStamp? {
        _ = leaseBreaksIgnored
        // O_NONBLOCK: a file someone else holds a lease on, or a FIFO, is refused rather than waited for.
        let descriptor = open(full, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, isOnlyTheSpares(status), portal_set_lease(descriptor, F_WRLCK) == 0 else { return nil }
        defer { _ = portal_set_lease(descriptor, F_UNLCK) }
        // A link made before the lease was taken (linking opens nothing, so no lease stops it) is seen now; only the
        // user could make one after (the spare is theirs alone), and no build of theirs links into a spare.
        guard fstat(descriptor, &status) == 0, isOnlyTheSpares(status),
            WholeWrite.write(bytes[...], to: descriptor), ftruncate(descriptor, off_t(bytes.count)) == 0,
            fstat(descriptor, &status) == 0
        else { return nil }
        return FileStamp(status)
    }

    /// Whether `status` is that of a regular file of the user's, mode 0644, with one link.
    private static func isOnlyTheSpares(_ status: stat) -> Bool {
        (status.st_mode & S_IFMT) == S_IFREG && status.st_mode & 0o7777 == 0o644 && status.st_nlink == 1 && isOwn(status)
    }

    /// A reader opening a file the build holds a lease on makes the kernel
    /// signal the build (`SIGIO`, which would end it); the reader waits for
    /// the lease to be given up, which the build does once the file is written.
    private static let leaseBreaksIgnored: Void = {
        signal(SIGIO, SIG_IGN)
    }()
}
