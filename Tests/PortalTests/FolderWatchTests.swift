import Foundation
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
