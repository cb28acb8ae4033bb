import Foundation
import Glibc
import Content
@testable import PreviewServer
import TestSupport
import Testing

/// The preview learns of a save from the kernel (inotify), not by polling.
struct FolderWatchTests {
    @Test(.timeLimit(.minutes(1))) func aSaveAndAFileInANewFolderAreBothNoticed() async throws {
        let fixture = try ProvinceFixture()
        let watch = try FolderWatch([fixture.content])
        var changes = watch.changes().makeAsyncIterator()
        try fixture.write("---\nid: flu\n---\n改过了\n", to: "Content/answers/province/flu.md")
        #expect(await changes.next() != nil)
        // A folder made after the watch began is watched too, once its creation is reported.
        let folder = fixture.content + "/answers/nj/new-folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        while !watch.watchedFolders.contains(folder) {
            #expect(await changes.next() != nil)
        }
    }

    /// After each save, once nothing more happens, the watch says so: the preview's whole walk then runs.
    @Test(.timeLimit(.minutes(1))) func eachSaveIsFollowedByAQuietMoment() async throws {
        let fixture = try ProvinceFixture()
        let watch = try FolderWatch([fixture.content])
        var changes = watch.changes(quietAfter: .milliseconds(50)).makeAsyncIterator()
        for text in ["改过了", "又改了"] {
            try fixture.write("---\nid: flu\n---\n\(text)\n", to: "Content/answers/province/flu.md")
            // A save is several events, which may come as several changes: all of them before the quiet.
            var change = await changes.next()
            #expect(change == .changed)
            while change == .changed { change = await changes.next() }
            #expect(change == .quiet)
        }
    }

    @Test(.timeLimit(.minutes(1))) func endingTheStreamStopsTheWatchingThread() async throws {
        let fixture = try ProvinceFixture()
        let watch = try FolderWatch([fixture.content])
        let task = Task {
            var count = 0
            for await _ in watch.changes() { count += 1 }
            return count
        }
        task.cancel()
        // The iteration ends once cancelled, whether or not anything changed.
        _ = await task.value
    }
}

/// The whole walk waits for a quiet moment after a save: not between the saves of a burst, nor while the pages reload.
struct QuietMomentTests {
    @Test func theQuietIsDueOnceAfterTheWaitFromTheLastChangeReported() {
        let start = ContinuousClock.now
        var quiet = QuietMoment(wait: .milliseconds(300))
        #expect(quiet.timeout(-1, at: start) == -1)
        let beforeAnyChange = quiet.take(at: start + .seconds(10))
        quiet.changeReported(at: start)
        #expect(quiet.timeout(-1, at: start) == 301)
        #expect(quiet.timeout(40, at: start) == 40)
        let early = quiet.take(at: start + .milliseconds(299))
        // Another change a moment later: the wait runs from it.
        quiet.changeReported(at: start + .milliseconds(200))
        let fromTheFirstChange = quiet.take(at: start + .milliseconds(450))
        #expect(quiet.timeout(-1, at: start + .milliseconds(500)) == 0)
        let due = quiet.take(at: start + .milliseconds(500))
        let again = quiet.take(at: start + .seconds(10))
        #expect([beforeAnyChange, early, fromTheFirstChange, due, again] == [false, false, false, true, false])
        #expect(quiet.timeout(-1, at: start + .seconds(10)) == -1)
    }

    /// A program that writes in the folders without end (a log) still leaves a quiet moment, at the latest
    /// ``QuietMoment/longestBurst`` after the first change since the last (found by the review of 2026-12-02).
    @Test func aBurstWithoutEndIsQuietAfterTheLongestBurst() {
        let start = ContinuousClock.now
        var quiet = QuietMoment(wait: .milliseconds(300))
        var taken: [Int] = []
        for step in 0..<100 {
            let now = start + .milliseconds(step * 100)
            if quiet.take(at: now) { taken.append(step) }
            quiet.changeReported(at: now)
        }
        // At 5 s, then 5 s after the change that followed.
        #expect(taken == [50])
        let early = quiet.take(at: start + .milliseconds(9_950))
        let due = quiet.take(at: start + .milliseconds(10_000))
        #expect([early, due] == [false, true])
    }

    @Test func eventsNotYetReportedPutTheQuietOff() {
        let start = ContinuousClock.now
        var quiet = QuietMoment(wait: .milliseconds(300))
        quiet.changeReported(at: start)
        quiet.eventsCame()
        let taken = quiet.take(at: start + .seconds(10))
        #expect(!taken)
        #expect(quiet.timeout(25, at: start) == 25)
    }
}

/// One save, one change: a file truncated and written is a change once it is closed.
struct UnfinishedWritesTests {
    @Test func aFileIsUnfinishedFromItsFirstWriteToItsClose() {
        var writes = UnfinishedWrites()
        #expect(writes.isEmpty)
        writes.note(UInt32(IN_MODIFY), file: "1/flu.md")  // truncated
        writes.note(UInt32(IN_MODIFY), file: "1/flu.md")  // written
        writes.note(UInt32(IN_MODIFY), file: "1/fever.md")
        #expect(!writes.isEmpty)
        writes.note(UInt32(IN_CLOSE_WRITE), file: "1/flu.md")
        #expect(!writes.isEmpty, "fever.md is still being written")
        writes.note(UInt32(IN_DELETE), file: "1/fever.md")
        #expect(writes.isEmpty)
        // A save by rename: the temporary file moved away is finished; the answer moved in was never open here.
        writes.note(UInt32(IN_MODIFY), file: "1/.flu.md.swp")
        writes.note(UInt32(IN_MOVED_FROM), file: "1/.flu.md.swp")
        writes.note(UInt32(IN_MOVED_TO), file: "1/flu.md")
        #expect(writes.isEmpty)
        // Folders are not files being written.
        writes.note(UInt32(IN_MODIFY | IN_ISDIR), file: "1/nj")
        #expect(writes.isEmpty)
    }

    /// A writer that keeps writing never holds a change back longer than the wait from its first write.
    @Test func theWaitRunsFromTheFirstUnfinishedWrite() {
        var writes = UnfinishedWrites()
        let start = ContinuousClock.now
        #expect(writes.timeout(at: start) == -1)
        writes.note(UInt32(IN_MODIFY), file: "1/.notes.swp", at: start)
        #expect((100...101).contains(writes.timeout(at: start)))
        writes.note(UInt32(IN_MODIFY), file: "1/.notes.swp", at: start + .milliseconds(60))
        writes.note(UInt32(IN_MODIFY), file: "1/flu.md", at: start + .milliseconds(90))
        #expect((40...41).contains(writes.timeout(at: start + .milliseconds(60))))
        #expect(writes.timeout(at: start + .milliseconds(100)) == 0)
        #expect(writes.timeout(at: start + .milliseconds(500)) == 0)
        writes.giveUp()
        #expect(writes.isEmpty && writes.timeout(at: start + .milliseconds(500)) == -1)
    }

    /// A file kept open after its write is still reported (after ``UnfinishedWrites/wait``).
    @Test(.timeLimit(.minutes(1))) func aFileKeptOpenIsStillAChange() async throws {
        let fixture = try ProvinceFixture()
        let watch = try FolderWatch([fixture.content])
        var changes = watch.changes().makeAsyncIterator()
        let handle = try #require(FileHandle(forWritingAtPath: fixture.content + "/answers/province/flu.md"))
        try handle.write(contentsOf: Data("改过了\n".utf8))
        #expect(await changes.next() != nil)
        try handle.close()
    }
}

/// The preview stamps again only what the events named, never walking the
/// whole content after a save: whatever editors do (edits, saves through a
/// temporary file, new, moved and deleted files and folders, links), that
/// gives the same signature as a new walk.
struct NamedPathsTests {
    @Test(.timeLimit(.minutes(1)), arguments: [UInt64(1), 2, 3])
    func theSignatureUpdatedAtTheNamedPathsIsTheSignatureWalkedAgain(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-named-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["answers/nj", "answers/sz", "media"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        let signature = FolderSignature(folders: [root])
        let watch = try FolderWatch([root])
        var changes = watch.changes().makeAsyncIterator()
        var last = signature.signature()
        var sentinel = 0
        for batch in 0..<8 {
            for step in 0..<8 {
                try Self.change(root, &random, name: "b\(batch)s\(step)")
            }
            // Everything done before the sentinel's event has been reported once the sentinel has.
            sentinel += 1
            let mark = "\(root)/sentinel-\(sentinel)"
            FileManager.default.createFile(atPath: mark, contents: Data("\(sentinel)".utf8))
            var named: Set<String>? = []
            while named?.contains(mark) == false {
                #expect(await changes.next() != nil)
                let taken = watch.takeNamedPaths()
                named = taken.flatMap { taken in named.map { $0.union(taken) } }
            }
            last = signature.updating(last, at: named)
            #expect(last == signature.signature(), "seed \(seed), batch \(batch)")
        }
    }

    /// One change an editor or a program might make under `root`.
    private static func change(_ root: String, _ random: inout SplitMix64, name: String) throws {
        let manager = FileManager.default
        let base = ["answers/nj", "answers/sz", "media"].map { "\(root)/\($0)" }
        // The base folders, then the folders made below them (which may be moved or removed).
        let folders = base + ((try? manager.subpathsOfDirectory(atPath: "\(root)/answers")) ?? []).map { "\(root)/answers/\($0)" }
            .filter { FileStamp(path: $0)?.isFolder == true && !base.contains($0) }.sorted()
        let files = folders.flatMap { folder in
            ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
        }.filter { FileStamp(path: $0)?.isFile == true }
        let folder = folders[Int(random.next() % UInt64(folders.count))]
        let file = files.isEmpty ? nil : files[Int(random.next() % UInt64(files.count))]
        switch random.next() % 8 {
        case 0, 1:
            manager.createFile(atPath: "\(folder)/\(name).md", contents: Data("新答复 \(name)\n".utf8))
        case 2:
            guard let file else { return }
            // Written in place, longer each time.
            let handle = try #require(FileHandle(forWritingAtPath: file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("改 \(name)\n".utf8))
            try handle.close()
        case 3:
            guard let file else { return }
            // Saved through a temporary file renamed over the answer.
            manager.createFile(atPath: "\(file).\(name).tmp", contents: Data("另存 \(name)\n".utf8))
            #expect(rename("\(file).\(name).tmp", file) == 0)
        case 4:
            guard let file else { return }
            #expect(unlink(file) == 0)
        case 5:
            // A folder made with files in it at once, before its watch can be added.
            let made = "\(folder)/\(name)"
            try manager.createDirectory(atPath: made + "/inner", withIntermediateDirectories: true)
            manager.createFile(atPath: "\(made)/a.md", contents: Data("a".utf8))
            manager.createFile(atPath: "\(made)/inner/b.md", contents: Data("b".utf8))
        case 6:
            // A folder moved elsewhere, or removed with all it holds.
            guard folders.count > 3 else { return }
            let moved = folders[3 + Int(random.next() % UInt64(folders.count - 3))]
            guard manager.fileExists(atPath: moved) else { return }
            if random.next() % 2 == 0 {
                try manager.removeItem(atPath: moved)
            } else if !"\(root)/answers/sz/\(name)".hasPrefix(moved + "/") {
                try manager.moveItem(atPath: moved, toPath: "\(root)/answers/sz/\(name)")
            }
        default:
            // A link, in a folder never removed here, to nothing: it is stamped as a link, never followed.
            try manager.createSymbolicLink(atPath: "\(folders[0])/\(name)-link.md", withDestinationPath: "/nonexistent/\(name)")
        }
    }
}

/// The watch names each change by the path the build reads it at.
struct WatchedPathsTests {
    private func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-watched-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/answers/nj", withIntermediateDirectories: true)
        return root
    }

    /// A link to a folder of the content (which the build accepts) is not watched through: one folder has one
    /// watch, and its events would be named by the link's path while the real path went stale in the preview.
    @Test(.timeLimit(.minutes(1))) func aFolderReachedThroughALinkIsNamedByItsOwnPath() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/nanjing", withDestinationPath: "answers/nj")
        let watch = try FolderWatch([root])
        #expect(!watch.watchedFolders.contains(root + "/nanjing"))
        var changes = watch.changes().makeAsyncIterator()
        FileManager.default.createFile(atPath: root + "/answers/nj/clinic.md", contents: Data("改过了\n".utf8))
        var named: Set<String> = []
        while !named.contains(root + "/answers/nj/clinic.md") {
            #expect(await changes.next() != nil)
            named.formUnion(watch.takeNamedPaths() ?? [])
        }
        #expect(!named.contains { $0.hasPrefix(root + "/nanjing") })
    }

    /// A watched folder moved away (a content folder replaced whole): its replacement is not watched, so the watch ends
    /// and the preview walks the folders instead of trusting events that no longer come.
    @Test(.timeLimit(.minutes(1))) func aRootMovedAwayEndsTheWatch() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: root + ".old") }
        let watch = try FolderWatch([root])
        var changes = watch.changes().makeAsyncIterator()
        #expect(rename(root, root + ".old") == 0)
        while await changes.next() != nil {}
    }
}
