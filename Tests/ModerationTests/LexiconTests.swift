import Foundation
import Moderation
import Testing

struct LexiconTests {
    static let listFiles = ["classified.txt", "sensitive.txt", "taboo.txt", "allow.txt"]

    /// A lexicon folder with `files`, and the other lists empty unless `omitting` names them.
    func folder(_ files: [String: Data], omitting: Set<String> = []) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in Self.listFiles where !omitting.contains(name) {
            try (files[name] ?? Data()).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
        }
        return path
    }

    @Test(arguments: listFiles)
    func aMissingListIsAnErrorNotAnEmptyList(_ missing: String) throws {
        let path = try folder(["classified.txt": Data("内部资料\n".utf8)], omitting: [missing])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: LexiconErrors.self) { try Lexicon.load(directory: path) }
        #expect(error.errors.map(\.file) == [path + "/" + missing])
        #expect(error.errors[0].message.contains("missing"))
    }

    @Test func anUnreadableListIsAnError() throws {
        let path = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A folder where the file should be cannot be read, even as root.
        try FileManager.default.removeItem(atPath: path + "/taboo.txt")
        try FileManager.default.createDirectory(atPath: path + "/taboo.txt", withIntermediateDirectories: false)
        let error = try #require(throws: LexiconErrors.self) { try Lexicon.load(directory: path) }
        #expect(error.errors.map(\.file) == [path + "/taboo.txt"])
        #expect(error.errors[0].message.contains("not a file"), "named as what it is, not as missing")
    }

    /// A pipe where a list should be is named as no file, and the lexicon is not made (the caller's reader
    /// does not wait for a writer: the default one would, so the test reads as `moderate` and `build` do).
    @Test func aPipeInPlaceOfAListIsNamedAsNoFile() throws {
        let path = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.removeItem(atPath: path + "/classified.txt")
        #expect(mkfifo(path + "/classified.txt", 0o600) == 0)
        let error = try #require(throws: LexiconErrors.self) {
            try Lexicon.load(directory: path) { file in
                let type = (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType
                return type == .typeRegular ? FileManager.default.contents(atPath: file) : nil
            }
        }
        #expect(error.errors.map(\.file) == [path + "/classified.txt"])
        #expect(error.errors[0].message.contains("not a file but a folder, a pipe or a device"))
    }

    @Test func linesWithCommentsAndLabelsLoad() throws {
        let path = try folder([
            "classified.txt": Data("# 密级标识\n内部资料\t密级\n\n  代孕  # 违法\n".utf8),
            "taboo.txt": Data("不归我们管\t推诿\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let moderator = Moderator(lexicon: try Lexicon.load(directory: path))
        let findings = moderator.scan("内部资料；代孕；不归我们管")
        #expect(findings.map(\.rule) == [.classified, .classified, .taboo])
        #expect(findings.map(\.label) == ["密级", nil, "推诿"])
    }

    @Test func badLinesAreReportedWithFileAndLine() throws {
        let path = try folder(["sensitive.txt": Data("医托\n孕\n**\n回扣\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: LexiconErrors.self) { try Lexicon.load(directory: path) }
        #expect(error.errors.map(\.line) == [2, 3])
        #expect(error.errors.allSatisfy { $0.file == path + "/sensitive.txt" })
        #expect(error.errors[0].message.contains("single character"))
        #expect(error.errors[1].message.contains("no letters"))
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let path = try folder(["classified.txt": Data("内部资料\n".utf8) + Data([0xC4, 0xE3, 0x0A])])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: LexiconErrors.self) { try Lexicon.load(directory: path) }
        #expect(error.errors.map(\.line) == [2])
    }

    @Test func sameTermInTwoListsKeepsTheStricter() throws {
        let lexicon = try Lexicon(entries: [.init(term: "回扣", list: .allow), .init(term: "回扣", list: .classified)])
        #expect(Moderator(lexicon: lexicon).scan("拿回扣").map(\.rule) == [.classified])
    }
}
