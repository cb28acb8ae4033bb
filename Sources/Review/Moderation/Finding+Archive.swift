import Content
import Moderation

extension Finding {
    /// The finding as a cache file keeps it (``FindingsCache``, ``FindingsMemory``).
    func write(to archive: inout ArchiveWriter) {
        archive.text(rule.rawValue)
        archive.optionalText(term)
        archive.text(matched)
        archive.int(line)
        archive.int(column)
        archive.optionalText(label)
    }

    /// A finding as ``write(to:)`` kept it; a rule this executable does not know is damage.
    init(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) {
        guard let rule = Rule(rawValue: try archive.text()) else { throw ArchiveReader.Damaged() }
        self.init(rule: rule, term: try archive.optionalText(), matched: try archive.text(), line: try archive.int(),
                  column: try archive.int(), label: try archive.optionalText())
    }

    /// `findings`, their count first.
    static func write(_ findings: [Finding], to archive: inout ArchiveWriter) {
        archive.int(findings.count)
        for finding in findings { finding.write(to: &archive) }
    }

    /// What ``write(_:to:)`` kept.
    static func findings(from archive: inout ArchiveReader) throws(ArchiveReader.Damaged) -> [Finding] {
        var findings: [Finding] = []
        for _ in 0..<(try archive.count()) { findings.append(try Finding(from: &archive)) }
        return findings
    }
}
