import Testing
@testable import Content

/// Messages about an answer's front matter name the line of the key they are about.
struct KeyLinesTests {
    @Test func eachKeyOfAnAnswerKeepsItsOwnLine() {
        let given = Dictionary(uniqueKeysWithValues: AnswerLoader.keys.enumerated().map { ($1, 2 + $0 * 3) })
        let lines = KeyLines(given.merging(["author": 99]) { first, _ in first })
        for (key, line) in given { #expect(lines[key] == line, "\(key)") }
        #expect(lines["author"] == nil)
        #expect(lines.byKey.map(\.key) == AnswerLoader.keys.sorted())
        #expect(lines.byKey.map(\.line) == AnswerLoader.keys.sorted().map { given[$0] })
    }

    /// KeyLines keeps eight lines: a ninth key of the front matter needs a wider vector.
    @Test func everyKeyOfAnAnswerHasARoom() {
        #expect(AnswerLoader.keys.count <= 8)
        #expect(Set(AnswerLoader.keys).count == AnswerLoader.keys.count)
    }

    @Test func anOverrideOfAnUnknownAnswerIsReportedAtItsLine() throws {
        let fixture = try ProvinceFixture()
        let answer = "Content/answers/nj/nj-clinic.md"
        try fixture.edit(answer, replacing: "\ntitle:", with: "\noverrides: no-such-answer\ntitle:")
        let lines = try fixture.read(answer).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("overrides:") }) + 1
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.file.hasSuffix("nj-clinic.md") && $0.line == line }, "\(error.issues)")
    }
}
