import Crypto
import Foundation
import Testing

/// The normalisation table a command keeps for the next
/// (`<cache>/portal12320/normalization-table`) is used only when the user's
/// key sealed it: a table written by anybody else could make a caller's number read as no number.
struct NormalizationTableFileTests {
    private static let answer = "---\nid: leak\ntitle: 测试\n---\n来电人手机13912345678已登记。\n"

    /// A cache folder of its own, an answer with a caller's mobile number, and `moderate` run on it with that cache.
    private struct Bench {
        let folder: String
        var cache: String { folder + "/cache" }
        var table: String { cache + "/portal12320/normalization-table" }
        var key: String { cache + "/portal12320/cache-key" }

        init() throws {
            folder = try Executable.temporaryFolder()
            try Data(NormalizationTableFileTests.answer.utf8).write(to: URL(fileURLWithPath: folder + "/answer.md"))
        }

        /// `moderate` on the answer, written anew with `run` blank lines more: bytes `moderate` has not seen,
        /// which it scans with the table (a file it had seen would be answered from its memory of findings).
        func moderate(run: Int) throws -> Executable.Result {
            try Data((NormalizationTableFileTests.answer + String(repeating: "\n", count: run)).utf8)
                .write(to: URL(fileURLWithPath: folder + "/answer.md"))
            return try Executable.run(["moderate", folder + "/answer.md"], environment: ["XDG_CACHE_HOME": cache])
        }

        /// The table's payload with `9` read as nothing: `13912345678` would then read as ten digits, no mobile number.
        func forgedPayload() throws -> [UInt8] {
            let sealed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: table)))
            var payload = Array(sealed.dropLast(32))
            // Header: a title line, the program stamp's length on a line, the stamp; then the table's four counts.
            let lines = payload.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
            let length = try #require(Int(String(decoding: lines[1], as: UTF8.self)))
            let entry = lines[0].count + 1 + lines[1].count + 1 + length + 16 + 4 * 0x39
            for offset in 0..<4 { payload[entry + offset] = 0xFF }
            return payload
        }

        func write(_ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: table))
        }
    }

    @Test func aTableNotSealedWithTheUsersKeyIsNotUsed() throws {
        let bench = try Bench()
        defer { try? FileManager.default.removeItem(atPath: bench.folder) }
        let first = try bench.moderate(run: 0)
        #expect(first.status == 1 && first.output.contains("block pii.mobile"), "\(first.output)")
        #expect(FileManager.default.fileExists(atPath: bench.table), "the table was not kept")
        let payload = try bench.forgedPayload()

        // Not sealed at all, or sealed with another key: computed again, and the number is found.
        for (run, seal) in [[UInt8](repeating: 0, count: 32), Array(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(size: .bits256)))].enumerated() {
            try bench.write(payload + seal)
            let again = try bench.moderate(run: run + 1)
            #expect(again.status == 1 && again.output.contains("block pii.mobile: 13912345678"), "\(again.output)")
        }

        // The control: the same forgery sealed with the user's own key is taken (which is why only that key may seal it).
        let key = SymmetricKey(data: try Data(contentsOf: URL(fileURLWithPath: bench.key)))
        try bench.write(payload + Array(HMAC<SHA256>.authenticationCode(for: payload, using: key)))
        #expect(try bench.moderate(run: 3).status == 0)
    }

    @Test func aDamagedTableIsComputedAgain() throws {
        let bench = try Bench()
        defer { try? FileManager.default.removeItem(atPath: bench.folder) }
        #expect(try bench.moderate(run: 0).status == 1)
        let key = SymmetricKey(data: try Data(contentsOf: URL(fileURLWithPath: bench.key)))
        // Sealed by the user's key, but cut short: not a table.
        let payload = Array(try bench.forgedPayload().dropLast(100))
        try bench.write(payload + Array(HMAC<SHA256>.authenticationCode(for: payload, using: key)))
        let again = try bench.moderate(run: 1)
        #expect(again.status == 1 && again.output.contains("block pii.mobile: 13912345678"), "\(again.output)")
    }
}
