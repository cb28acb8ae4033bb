import Content
import Foundation
import Publish
import Testing

/// A site folder's fingerprint is taken by one walk that hashes as it goes
/// (a `--city` build checks every other site with it), and must be the one
/// the build recorded from the stamps of the files it wrote: the same lines,
/// in the same order, whatever the names; and any change below it shows.
struct FolderFingerprintTests {
    /// A folder whose names sort differently as whole paths than folder by folder unless folders sort as
    /// `name/`: `a` (a folder), `a-b`, `a.b`, `a0`; names not ASCII, or holding a tab, a newline, a
    /// backslash; a link; an empty folder.
    private func site() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)").path
        for folder in ["a/x", "a/x/y", "a-b", "答复/二", "empty", "Z", "tab\tfolder"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for (index, file) in ["a/x/index.html", "a/x/y/z.html", "a.b", "a0", "a-b/index.html", "答复/二/页.html", "答复.html", "Z/x", "ab", "tab\there\nnewline", "back\\slash", "tab\tfolder/x"].enumerated() {
            try Data("<p>\(index)</p>".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/a")
        return root
    }

    @Test func theWalkHashesWhatTheStampsOfEveryFileHash() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let stamps = FolderSignature(folders: [root]).signature()
        #expect(stamps.count == 22)
        for statusChange in [false, true] {
            #expect(FolderFingerprint.of(root, header: "output\n", statusChange: statusChange)
                    == BuildStamp.fingerprint("output\n", of: stamps, relativeTo: root, statusChange: statusChange))
        }
        #expect(BuildStamp.contents(of: root) == BuildStamp.fingerprint("output\n", of: stamps, relativeTo: root, statusChange: false))
    }

    /// A folder holding more names than one read of its records returns (32 KB of them): every one is hashed.
    @Test func aFolderOfManyLongNamesIsReadToItsEnd() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for index in 0..<1_500 {
            try Data([UInt8(index % 256)]).write(to: URL(fileURLWithPath: "\(root)/empty/\(String(repeating: "名", count: 20))-\(index).html"))
        }
        let stamps = FolderSignature(folders: [root]).signature()
        #expect(stamps.count == 22 + 1_500)
        #expect(BuildStamp.contents(of: root) == BuildStamp.fingerprint("output\n", of: stamps, relativeTo: root, statusChange: false))
    }

    @Test func anyChangeBelowTheFolderChangesIt() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var seen = [BuildStamp.contents(of: root)]
        let changes: [(String) throws -> Void] = [
            { try Data("<p>defaced</p>".utf8).write(to: URL(fileURLWithPath: $0 + "/a/x/y/z.html")) },
            { try FileManager.default.createDirectory(atPath: $0 + "/a/x/y/new", withIntermediateDirectories: false) },
            { try FileManager.default.removeItem(atPath: $0 + "/答复/二/页.html") },
            { try FileManager.default.moveItem(atPath: $0 + "/a-b/index.html", toPath: $0 + "/a-b/other.html") },
            { try FileManager.default.removeItem(atPath: $0 + "/link"); try FileManager.default.createSymbolicLink(atPath: $0 + "/link", withDestinationPath: "/") },
        ]
        for change in changes {
            try change(root)
            let now = BuildStamp.contents(of: root)
            #expect(!seen.contains(now))
            seen.append(now)
        }
    }

    /// A name is hashed as written but for its control characters: one holding a tab and a newline cannot
    /// stand in for the lines of files that were removed (found by an attack: `feed.xml` removed and
    /// `index.html` renamed `feed.xml<TAB><feed.xml's stamp><LF>index.html` kept the site as recorded).
    @Test func aNameCannotForgeTheLinesOfFilesThatAreGone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("forged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in ["feed.xml", "index.html"] {
            try Data("<\(name)>".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        let recorded = BuildStamp.contents(of: root)
        let feed = try #require(FileStamp(path: root + "/feed.xml"))
        try FileManager.default.removeItem(atPath: root + "/feed.xml")
        try FileManager.default.moveItem(atPath: root + "/index.html",
                                         toPath: root + "/feed.xml\t\(feed.fieldsButStatusChange)\nindex.html")
        #expect(BuildStamp.contents(of: root) != recorded)
    }

    /// A chain of folders deeper than any site is not walked to its end (20,000 of them overflowed the
    /// walk's stack): its fingerprint is new each time, so no record vouches for it.
    @Test func aFolderTooDeepIsNeverVouchedFor() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let deepest = root + String(repeating: "/d", count: FolderFingerprint.maxDepth + 2)
        try FileManager.default.createDirectory(atPath: deepest, withIntermediateDirectories: true)
        #expect(BuildStamp.contents(of: root) != BuildStamp.contents(of: root))
        // As deep as a walk goes, the fingerprint is the same each time.
        let shallow = root + String(repeating: "/d", count: FolderFingerprint.maxDepth - 1)
        #expect(BuildStamp.contents(of: shallow) == BuildStamp.contents(of: shallow))
    }

    @Test func aFolderThatCannotBeOpenedHasTheFingerprintOfNothing() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)").path
        #expect(BuildStamp.contents(of: missing) == BuildStamp.fingerprint("output\n", of: [:], relativeTo: missing, statusChange: false))
    }
}
