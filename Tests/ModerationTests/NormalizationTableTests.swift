@testable import Moderation
import Testing

/// The tables moderation normalises text with are made on all cores, in
/// parts: whatever the number of parts, they are the same tables.
struct NormalizationTableTests {
    @Test func theTablesAreTheSameMadeInOnePartOrInMany() throws {
        let whole = try TraditionalToSimplified.loadTable(parts: 1)
        #expect(whole[0x570B] == 0x56FD, "國 reads as 国")
        let inParts = try TraditionalToSimplified.loadTable(parts: 3) == whole
        #expect(inParts)
        let table = ScalarTable(simplified: whole, parts: 1)
        // Compared whole, reported as one answer (the tables have 65,536 entries).
        let sameTable = ScalarTable(simplified: whole, parts: 5) == table
        #expect(sameTable)
        // Expansions in every part (ﬁ, ㈱, ¼ are one scalar written as several) kept their places when the parts were joined.
        for scalar in ["ﬁ", "㈱", "¼", "ǆ", "℡"] {
            #expect(ScalarTable(simplified: whole, parts: 7).normalize(scalar) == table.normalize(scalar))
        }
    }
}
