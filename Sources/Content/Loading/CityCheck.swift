import Crypto

/// What checking one city's answers found (their front matter, and how they
/// stand against the provincial answers), with the key of what it was made
/// from: a `--city` build warns of the other cities' problems, and reads none
/// of their answers again while the key is the same (``key(files:province:provincial:)``).
/// Only warnings come of it: another city's site is kept or not by what its
/// last build left (`SiteRecords`), never by this.
package struct CityCheck: Sendable, Equatable {
    /// SHA-256 of everything the check depends on.
    package let key: String
    /// The problems found in the city's answers folder, as errors (a `--city` build shows them as warnings).
    package let issues: [ContentIssue]

    package init(key: String, issues: [ContentIssue]) {
        self.key = key
        self.issues = issues
    }

    /// The key of a check of the city whose answer files are `files`, read against the portal.yml of SHA-256
    /// `province`, beside the provincial answers `provincial`: each file's path and `lstat` stamp, with the
    /// status-change time (no one can set it back), and each provincial answer's id and visibility (what a
    /// city's answer is checked against). `nil` when a file has no stamp or is a link, whose stamp says
    /// nothing of the file it names: such a city is checked every time.
    package static func key(files: [(path: String, stamp: FileStamp?)], province: String, provincial: [Answer]) -> String? {
        var lines = Array("portal12320 city check 1\n\(province)\n".utf8)
        for (id, visibility) in provincial.map({ ($0.id, $0.visibility.rawValue) }).sorted(by: { $0.0 < $1.0 }) {
            lines += Array("\(id)\t\(visibility)\n".utf8)
        }
        lines += Array("--\n".utf8)
        for (path, stamp) in files.sorted(by: { PathText.precedesInBytes($0.path, $1.path) }) {
            guard let stamp, stamp.isFile else { return nil }
            lines += Array(path.utf8)
            lines.append(UInt8(ascii: "\t"))
            stamp.appendFields(to: &lines, statusChange: true)
            lines.append(UInt8(ascii: "\n"))
        }
        return SHA256.hex(lines)
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.text(key)
        archive.int(issues.count)
        for issue in issues {
            archive.text(issue.file)
            archive.int(issue.line ?? -1)
            archive.text(issue.message)
            archive.text(issue.fix)
        }
    }

    package static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) -> CityCheck {
        let key = try archive.text()
        var issues: [ContentIssue] = []
        for _ in 0..<(try archive.count()) {
            let file = try archive.text()
            let line = try archive.int()
            issues.append(ContentIssue(file: file, line: line >= 0 ? line : nil, message: try archive.text(), fix: try archive.text()))
        }
        return CityCheck(key: key, issues: issues)
    }
}
