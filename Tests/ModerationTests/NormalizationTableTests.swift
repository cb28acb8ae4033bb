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

    /// The table a command keeps for the next is read back as the same table; anything else is no table at all.
    @Test func theArchivedTableIsReadBackTheSameAndNothingElseIsRead() throws {
        let table = try ScalarTable()
        let archived = table.archived
        let readBack = ScalarTable(archived: archived) == table
        #expect(readBack)
        func changed(_ offset: Int, to word: UInt32) -> [UInt8] {
            var bytes = archived
            withUnsafeBytes(of: word.littleEndian) { for (index, byte) in $0.enumerated() { bytes[offset + index] = byte } }
            return bytes
        }
        let expansion = try #require(table.plane.firstIndex { $0 != ScalarTable.dropped && $0 & ScalarTable.expansionBit != 0 })
        let damaged: [(String, [UInt8])] = [
            ("empty", []), ("cut short", Array(archived.dropLast(4))), ("one byte more", archived + [0]),
            ("another version", changed(0, to: 2)), ("a plane of another size", changed(4, to: 0x1_0000 - 1)),
            ("a surrogate as a character", changed(16 + 4 * 0x41, to: 0xD800)),
            ("an expansion past the end", changed(16 + 4 * expansion, to: ScalarTable.expansionBit | 0xFF_FFF0 | 2 << 24)),
        ]
        for (name, bytes) in damaged {
            #expect(ScalarTable(archived: bytes) == nil, "\(name)")
        }
    }
}
