import Content
import Glibc
import Testing

/// `readdir` packs short records in its buffer: a name is read where it lies,
/// never by copying a whole `struct dirent` past the record's end (which
/// crashed builds where the buffer ended at the end of a mapped page).
struct DirectoryEntryTests {
    @Test(arguments: ["index.html", "a", "名字.md", String(repeating: "x", count: 255)])
    func aShortRecordEndingAPageIsReadInPlace(_ name: String) throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapped = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(mapped != MAP_FAILED)
        defer { munmap(mapped, 2 * page) }
        // The page after the record cannot be read: reading one byte past the record is a crash, not a pass.
        try #require(mprotect(mapped + page, page, PROT_NONE) == 0)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let length = (nameOffset + name.utf8.count + 1 + 7) & ~7
        #expect(length < MemoryLayout<dirent>.size || name.utf8.count == 255)
        let record = mapped + page - length
        let bytes = Array(name.utf8) + [0]
        bytes.withUnsafeBytes { (record + nameOffset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let entry = UnsafePointer<dirent>(record.assumingMemoryBound(to: dirent.self))
        #expect(String(cString: DirectoryEntry.name(entry)) == name)
        #expect(DirectoryEntry.nameBytes(entry) == Array(name.utf8))
    }

    /// And on a real folder, every name comes back as written, `.` and `..` included.
    @Test func theNamesOfARealFolderAreReadBack() throws {
        let folder = "/tmp/portal-dirent-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try #require(mkdir(folder, 0o700) == 0)
        defer {
            for name in ["a", "中文.md", "long-" + String(repeating: "n", count: 200)] { unlink("\(folder)/\(name)") }
            rmdir(folder)
        }
        let written = ["a", "中文.md", "long-" + String(repeating: "n", count: 200)]
        for name in written { close(open("\(folder)/\(name)", O_CREAT | O_WRONLY, 0o600)) }
        let stream = try #require(opendir(folder))
        defer { closedir(stream) }
        var found: Set<String> = []
        while let entry = readdir(stream) { found.insert(String(decoding: DirectoryEntry.nameBytes(entry), as: UTF8.self)) }
        #expect(found == Set(written + [".", ".."]))
    }
}
