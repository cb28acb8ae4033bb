import Content
import Foundation
import Glibc
import Testing
import TestSupport

/// The build's own files (its memory, page records, kept pages) are read whole, straight into the array they are used from.
struct RegularFileTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regular-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [0, 1, 4095, 4096, 65_537, 1_000_003])
    func aFileIsReadWholeAsDataAndAsBytes(_ size: Int) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var generator = SplitMix64(seed: UInt64(size))
        let written = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(written).write(to: URL(fileURLWithPath: root + "/file"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/file")
        #expect(RegularFile.bytes(root + "/file") == written)
        #expect(RegularFile.bytes(root + "/link") == written)
        guard case .bytes(let data)? = RegularFile.read(root + "/file", as: Data.self) else {
            Issue.record("not read as Data")
            return
        }
        #expect([UInt8](data) == written)
    }

    @Test func aFolderAPipeAndNothingAreNotRead() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/pipe", 0o600) == 0)
        // A pipe with no writer: read without waiting for one.
        guard case .notAFile? = RegularFile.read(root + "/pipe", as: [UInt8].self) else {
            Issue.record("a pipe was read")
            return
        }
        guard case .notAFile? = RegularFile.read(root, as: Data.self) else {
            Issue.record("a folder was read")
            return
        }
        #expect(RegularFile.bytes(root + "/pipe") == nil)
        #expect(RegularFile.bytes(root + "/missing") == nil)
    }
}
