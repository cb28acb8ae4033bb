import Foundation
import Glibc
@testable import Moderation
import Testing

/// OpenCC reads its configuration from a temporary file. In the shared
/// temporary folder another user must neither stop moderation (a file at
/// the name it would use) nor point it at other tables.
struct OpenCCConfigurationTests {
    @Test func somethingPlantedAtTheOldFixedNameDoesNotStopTheTable() throws {
        // The name the configuration once had: predictable from the process id.
        let planted = FileManager.default.temporaryDirectory.appendingPathComponent("portal12320-ts-\(getpid()).json").path
        #expect(mkdir(planted, 0o755) == 0)
        defer { rmdir(planted) }
        let table = try TraditionalToSimplified.loadTable()
        #expect(table[0x570B] == 0x56FD, "國 reads as 国")
    }

    @Test func theConfigurationIsWrittenInAFolderOnlyTheUserCanEnterNewEachTime() throws {
        let first = try #require(TraditionalToSimplified.privateFolder())
        let second = try #require(TraditionalToSimplified.privateFolder())
        defer { rmdir(first); rmdir(second) }
        #expect(first != second)
        for folder in [first, second] {
            var status = stat()
            #expect(lstat(folder, &status) == 0)
            #expect(status.st_mode & S_IFMT == S_IFDIR)
            #expect(status.st_mode & 0o777 == 0o700)
            #expect(status.st_uid == getuid())
        }
    }
}
