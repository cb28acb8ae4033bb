import Content
import Foundation
import Review
@testable import Site
import Testing

/// A copy of the fixture province in a fresh temporary folder, with the
/// project's default theme, removed when the test ends.
struct ProvinceFixture: ~Copyable {
    let root: String
    var content: String { root + "/Content" }
    var templates: String { root + "/Templates" }
    var output: String { root + "/dist" }

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        let fixture = try #require(Bundle.module.path(forResource: "province", ofType: nil, inDirectory: "Fixtures"))
        try manager.copyItem(atPath: fixture, toPath: content)
        try manager.copyItem(atPath: Self.repository + "/Templates", toPath: templates)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` to `path` below the fixture root, creating folders.
    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    /// Adds a person with a new key to people.yml and returns the key.
    @discardableResult
    func addPerson(_ name: String, role: Person.Role = .reviewer, scopes: [String] = ["province"]) throws -> SigningKey {
        let key = SigningKey()
        let file = content + "/people.yml"
        let existing = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        try write(existing + Person(name: name, role: role, scopes: Set(scopes), key: key.publicKey, line: 0).yaml, to: "Content/people.yml")
        return key
    }

    /// Submits `reference` with a new editor's key, then approves it with a new reviewer's key.
    func submitAndApprove(_ reference: String, note: String = "") throws {
        let editor = try addPerson("编辑-\(UUID().uuidString.prefix(8))", role: .editor)
        let reviewer = try addPerson("审核员-\(UUID().uuidString.prefix(8))")
        _ = try ReviewDesk.record(.submitted, on: reference, board: try ReviewBoard(content: ContentLoader.load(directory: content)),
                                  contentDirectory: content, key: editor, note: "")
        _ = try ReviewDesk.record(.approved, on: reference, board: try ReviewBoard(content: ContentLoader.load(directory: content)),
                                  contentDirectory: content, key: reviewer, note: note)
    }

    /// Switches the fixture to `review: all` with an empty ledger (which that policy requires).
    func requireReview() throws {
        try edit("Content/portal.yml", replacing: "review: flagged", with: "review: all")
        try write("", to: "Content/reviews.jsonl")
    }

    /// Replaces the first occurrence of `old` in a file below the root.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let full = root + "/" + path
        let text = try String(contentsOfFile: full, encoding: .utf8)
        try #require(text.contains(old), "fixture \(path) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// Every file below `folder` (relative to the root), as relative paths, sorted.
    func files(under folder: String) -> [String] {
        let base = root + "/" + folder
        let enumerator = FileManager.default.enumerator(atPath: base)
        return (enumerator?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }
}

extension ProvinceFixture {
    /// The page at `path` (`<domain>/…/index.html`) as a build of this fixture would write it.
    func builtPage(_ path: String) async throws -> String? {
        let content = try ContentLoader.load(directory: content)
        let pages = try await SiteBuild(content: content, templatesDirectory: templates, outputDirectory: "").pages()
        let domain = String(path.prefix { $0 != "/" })
        guard let site = pages.sites.first(where: { $0.domain == domain }),
              let file = site.files().first(where: { $0.path == path }) else { return nil }
        return String(decoding: try file.make(), as: UTF8.self)
    }
}
