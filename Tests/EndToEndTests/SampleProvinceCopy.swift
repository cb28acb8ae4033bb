import Foundation
import Testing

/// A copy of the sample province (content with its ledger, and the theme) in a
/// temporary folder, so tests can edit, review and build without touching the repository.
final class SampleProvinceCopy {
    let root: String

    /// The tests' own small province (Tests/PortalTests/Fixtures/province: Nanjing and Suzhou opened, Suqian
    /// planned, `review: flagged`), for tests that count what a build makes of it.
    static let fixture = Executable.repository + "/Tests/PortalTests/Fixtures/province"

    /// - Parameter content: the content folder copied (default: the sample province, with its ledger and demo keys).
    init(content: String = Executable.repository + "/Content") throws {
        root = try Executable.temporaryFolder()
        try FileManager.default.copyItem(atPath: content, toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: Executable.repository + "/Templates", toPath: root + "/Templates")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Executable.Result {
        try Executable.run(arguments, in: root, environment: environment)
    }

    /// A new person with a new key (written to the copy's folder) in people.yml; returns the key file.
    func addPerson(_ name: String, role: String = "reviewer", scopes: [String] = ["province"]) throws -> String {
        let keyFile = "\(root)/\(UUID().uuidString).key"
        var arguments = ["key", "new", "--name", name, "--role", role, "--out", keyFile]
        for scope in scopes { arguments += ["--scope", scope] }
        let made = try run(arguments)
        try #require(made.status == 0, "\(made.error)")
        try write(try read("Content/people.yml") + made.output, to: "Content/people.yml")
        return keyFile
    }

    /// Replaces every occurrence of `old` in a file below the root (which must hold one).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        try #require(text.contains(old), "\(path) does not contain \(old)")
        try write(text.replacingOccurrences(of: old, with: new), to: path)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// The sample's demo keys (demo-keys/): a provincial reviewer and editor, Nanjing's.
    static let reviewerKey = Executable.repository + "/demo-keys/province-reviewer.key"
    static let editorKey = Executable.repository + "/demo-keys/province-editor.key"
    static let njReviewerKey = Executable.repository + "/demo-keys/nj-reviewer.key"

    /// The sha256 `review show` prints for `reference`.
    func sha256(of reference: String) throws -> String {
        let show = try run(["review", "show", reference])
        let line = show.output.split(separator: "\n").first { $0.contains("  sha256: ") } ?? ""
        return String(line.split(separator: " ").last ?? "")
    }

    /// Submits `reference` as its author (`submitter`, the demo provincial editor unless given),
    /// then approves it with `key` for the text `review show` shows; returns the approval's result.
    @discardableResult
    func approve(_ reference: String, key: String = reviewerKey, submitter: String? = editorKey, note: String? = nil,
                 environment: [String: String] = [:]) throws -> Executable.Result {
        if let submitter { _ = try run(["review", "submit", reference, "--key", submitter]) }
        var arguments = ["review", "approve", reference, "--sha256", try sha256(of: reference)]
        if !key.isEmpty { arguments += ["--key", key] }
        if let note { arguments += ["--note", note] }
        return try run(arguments, environment: environment)
    }

    /// Lines of the copy's ledger.
    func ledgerLineCount() throws -> Int {
        try read("Content/reviews.jsonl").split(separator: "\n").count
    }

    /// A new provincial answer with `body`, returning its reference.
    func addAnswer(id: String, title: String = "测试问题", body: String) throws -> String {
        try write("---\nid: \(id)\ntitle: \(title)\ncategory: vaccination\nupdated: 2024-12-01\n---\n\(body)\n",
                  to: "Content/answers/province/\(id).md")
        return "province/\(id)"
    }

    /// The text of every file under `dist/`'s site folders, by relative path.
    func publishedFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let dist = root + "/dist"
        for site in try FileManager.default.contentsOfDirectory(atPath: dist) where site.hasPrefix("www.") {
            for case let path as String in FileManager.default.enumerator(atPath: dist + "/" + site)! {
                if let data = FileManager.default.contents(atPath: "\(dist)/\(site)/\(path)") {
                    files["\(site)/\(path)"] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return files
    }

    /// Whether `marker` appears in any published file.
    func isPublished(_ marker: String) throws -> Bool {
        try publishedFiles().values.contains { $0.contains(marker) }
    }
}
