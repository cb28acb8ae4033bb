import Content
import Foundation
import Site
import Testing

struct ConflictReportTests {
    @Test(arguments: ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)"])
    func aTitleThatLooksLikeAFormulaStaysText(_ title: String) throws {
        let fixture = try ProvinceFixture()
        let quoted = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
        try fixture.edit("Content/answers/sz/sz-insurance.md", replacing: "title: 苏州医保怎样报销？", with: "title: \(quoted)")
        let csv = ConflictReport(content: try ContentLoader.load(directory: fixture.content)).csv()
        let row = try #require(csv.split(separator: "\n").last)
        let field = "\"'" + title.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(row.contains("," + field + ","), "\(row)")
    }

    @Test func anOrdinaryTitleIsWrittenAsItIs() throws {
        let fixture = try ProvinceFixture()
        let csv = ConflictReport(content: try ContentLoader.load(directory: fixture.content)).csv()
        #expect(csv.contains(",sz/sz-insurance,苏州医保怎样报销？,2024-08-01,"))
    }
}
