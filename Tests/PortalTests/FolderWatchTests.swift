import Foundation
import Glibc
@testable import PreviewServer
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
