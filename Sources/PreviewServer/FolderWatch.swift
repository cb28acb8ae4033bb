import Content
import Foundation
import Glibc
import Synchronization

/// Tells when anything under some folders changes, from Linux's inotify: the
/// preview sleeps in the kernel until a file is written, created, moved or
/// deleted, instead of walking the folders twice a second (0 % CPU while
/// nothing changes). New subfolders are watched as they appear.
final class FolderWatch: Sendable {
    private let descriptor: Int32
    /// Watched folders by watch descriptor.
    private let folders = Mutex<[Int32: String]>([:])
    /// The paths events named since the last ``takeNamedPaths()``; `nil` when an event named a path it could not tell.
    private let named = Mutex<Set<String>?>([])
    static let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                               | IN_DELETE_SELF | IN_MOVE_SELF)

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    private let roots: [String]

    /// Watches `roots` and every folder below them.
    /// - Throws: ``Unavailable`` when inotify or one of the watches cannot be had (the system's limit of watches reached):
    ///   then the caller polls instead of missing changes.
    init(_ roots: [String]) throws {
        self.roots = roots
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Unavailable(description: "inotify: \(String(cString: strerror(errno)))") }
        for root in roots where !watchTree(root) {
            close(descriptor)
            throw Unavailable(description: "inotify: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// The folders watched now.
    var watchedFolders: Set<String> { folders.withLock { Set($0.values) } }

    /// Watches `root` and every folder below it; false when a watch could not be added.
    private func watchTree(_ root: String) -> Bool {
        guard add(root) else { return false }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return true }
        for case let path as String in enumerator {
            // A folder itself, never one reached through a link: a link to a folder already watched would
            // name that folder's events by the link's path (one watch per folder), and the real path would go stale.
            if FileStamp(path: "\(root)/\(path)")?.isFolder == true, !add("\(root)/\(path)") {
                return false
            }
        }
        return true
    }

    private func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, Self.events)
        guard watch >= 0 else { return errno == ENOENT }  // a folder gone meanwhile needs no watch
        folders.withLock { $0[watch] = folder }
        return true
    }

    /// What the events reported since this was last called named: each file or folder created, written,
    /// moved or deleted, each folder whose own entry changed; `nil` when some change cannot be placed
    /// (then everything must be examined again). Taken before each element of ``changes(quietAfter:)`` is acted on.
    func takeNamedPaths() -> Set<String>? {
        named.withLock { paths in
            defer { paths = [] }
            return paths
        }
    }

    /// What ``changes(quietAfter:)`` reports.
    enum Change: Sendable, Equatable {
        /// Something changed (several changes at once may come as one).
        case changed
        /// Nothing changed for a while since the last ``changed``: the moment for work that must not delay a save's
        /// rebuild, nor compete with the pages reloading after it. Also buffered in place of a ``changed`` not yet
        /// taken, so whoever takes it must look for changes first (``takeNamedPaths()``).
        case quiet
    }

    /// An element each time something changed, and once after each quiet `quietAfter` since, until the task is cancelled.
    func changes(quietAfter quiet: Duration = .milliseconds(250)) -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream<Change>.makeStream(bufferingPolicy: .bufferingNewest(1))
        // A pipe wakes the reading thread when the stream ends (its consumer was cancelled).
        var wake: [Int32] = [0, 0]
        guard pipe(&wake) == 0 else {
            continuation.finish()
            return stream
        }
        let (wakeRead, wakeWrite) = (wake[0], wake[1])
        _ = fcntl(wakeRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(wakeWrite, F_SETFD, FD_CLOEXEC)
        continuation.onTermination = { _ in
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        let thread = Thread { [self] in
            defer {
                close(wakeRead)
                close(wakeWrite)
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var waiting = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            var unfinished = UnfinishedWrites()
            var quietMoment = QuietMoment(wait: quiet)
            while true {
                // A file written and not yet closed: its close is waited for, a moment (one save, one change).
                let ready = poll(&waiting, 2, quietMoment.timeout(unfinished.timeout()))
                if ready < 0 {
                    if errno == EINTR { continue }
                    break
                }
                if waiting[1].revents != 0 { break }
                if ready > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { break }
                    // New folders are watched; if a watch cannot be added, or events were lost, the stream ends and the caller polls.
                    guard let created = newFolders(in: buffer, count: count, noting: &unfinished), created.allSatisfy(watchTree) else { break }
                    quietMoment.eventsCame()
                    guard unfinished.isEmpty || unfinished.timeout() == 0 else { continue }
                } else if unfinished.isEmpty {
                    // No event for `quiet` since the last change (or a wake a moment early).
                    guard quietMoment.take() else { continue }
                    if case .terminated = continuation.yield(.quiet) { break }
                    continue
                } else if unfinished.timeout() != 0 {
                    continue
                }
                // A writer that keeps its file open: what it wrote so far is a change too.
                unfinished.giveUp()
                if case .terminated = continuation.yield(.changed) { break }
                quietMoment.changeReported()
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }

    /// Folders created or moved in, named by the events in `buffer`; `nil` when the kernel's queue overflowed (events lost).
    /// - Parameter unfinished: takes every event, to know which files are still being written.
    private func newFolders(in buffer: [UInt8], count: Int, noting unfinished: inout UnfinishedWrites) -> [String]? {
        var created: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return nil }
            // A watched root moved or deleted (a content or theme folder replaced whole): its new folder is
            // not watched, so the watch ends and the caller walks the folders instead.
            if mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0, let folder = folders.withLock({ $0[watch] }), roots.contains(folder) {
                return nil
            }
            let name = buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
            unfinished.note(mask, file: "\(watch)/\(String(decoding: name, as: UTF8.self))")
            let parent = folders.withLock { $0[watch] }
            // The entry the event is about: a file or folder in the watched folder, or that folder itself.
            let path = parent.map { name.isEmpty ? $0 : "\($0)/\(String(decoding: name, as: UTF8.self))" }
            named.withLock { paths in
                if let path { paths?.insert(path) } else { paths = nil }
            }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, length > 0, let path {
                created.append(path)
            }
            offset += header + length
        }
        return created
    }
}
