/// How many files, and how many pages among them, a build writes: counted
/// from their lists, which are not kept for it.
struct OutputCounts: Sendable {
    var files = 0
    var pages = 0

    init() {}

    init(_ files: [OutputFile]) {
        add(files)
    }

    mutating func add(_ files: [OutputFile]) {
        self.files += files.count
        pages += files.count { $0.path.hasSuffix(".html") }
    }
}
