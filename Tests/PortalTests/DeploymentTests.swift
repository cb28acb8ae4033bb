import Content
import Diagnostics
import Foundation
import Publish
import Site
import Testing

/// A deploy reads and writes only what a manifest names inside the site's folder.
struct DeploymentTests {
    static let site = "www.jsnj12320.cn"

    func built(_ fixture: borrowing ProvinceFixture) async throws {
        let content = try ContentLoader.load(directory: fixture.content)
        try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
    }

    /// Rewrites the site's manifest with one more entry.
    func addEntry(_ path: String, to fixture: borrowing ProvinceFixture) throws {
        let file = "\(fixture.output)/\(Self.site)/release-manifest.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var files = try #require(manifest["files"] as? [[String: Any]])
        files.append(["path": path, "sha256": String(repeating: "0", count: 64), "size": 1])
        manifest["files"] = files
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: file))
    }

    @Test(arguments: ["../../../../etc/passwd", "/etc/passwd", "", "assets/../../x", "a//b", "./index.html", "a\u{1B}b"])
    func aManifestPathOutsideTheReleaseIsRefusedBeforeAnythingChanges(_ path: String) async throws {
        let fixture = try ProvinceFixture()
        try await built(fixture)
        try addEntry(path, to: fixture)
        let deployment = Deployment(dist: fixture.output, root: fixture.root + "/srv")
        let failure = try #require(throws: Deployment.Failure.self) { try deployment.deploy(Self.site) }
        #expect(failure.description.contains("the path `\(path)`"))
        #expect(failure.description.contains("Nothing was switched"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/srv"))
    }

    @Test func aFileLinkedFromOutsideTheReleaseIsRefused() async throws {
        let fixture = try ProvinceFixture()
        try await built(fixture)
        try fixture.write("secret", to: "secret.txt")
        let page = "\(fixture.output)/\(Self.site)/404.html"
        try FileManager.default.removeItem(atPath: page)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: fixture.root + "/secret.txt")
        let deployment = Deployment(dist: fixture.output, root: fixture.root + "/srv")
        let failure = try #require(throws: Deployment.Failure.self) { try deployment.deploy(Self.site) }
        #expect(failure.description.contains("the path `404.html` leads outside"))
        #expect(deployment.currentRelease(of: Self.site) == nil)
    }

    @Test func anUntamperedBuildDeploys() async throws {
        let fixture = try ProvinceFixture()
        try await built(fixture)
        let deployment = Deployment(dist: fixture.output, root: fixture.root + "/srv")
        guard case .deployed = try deployment.deploy(Self.site).first?.outcome else { Issue.record("not deployed"); return }
        #expect(deployment.currentRelease(of: Self.site) != nil)
    }

    /// Rollback and pruning go by the order of release ids: a later deploy must sort last even when made in the
    /// same second as the one before, or by a clock set back.
    @Test(arguments: [0.0, -3600.0])
    func rollbackFromADeployMadeSoonAfterAnotherReturnsToTheEarlierOne(_ secondsLater: Double) async throws {
        let fixture = try ProvinceFixture()
        let deployment = Deployment(dist: fixture.output, root: fixture.root + "/srv")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var deployed: [String] = []
        for text in ["本站不收集访问者的个人信息。", "本站不收集、不保存访问者的个人信息。", "本站不收集访问者的任何个人信息。"] {
            try fixture.write(text + "\n", to: "Content/privacy.md")
            try await built(fixture)
            guard case .deployed(let release, _, _, _) = try deployment.deploy(Self.site, now: now.addingTimeInterval(secondsLater * Double(deployed.count))).first?.outcome else {
                Issue.record("not deployed"); return
            }
            deployed.append(release)
        }
        #expect(deployed.sorted() == deployed)
        #expect(try deployment.rollback(Self.site) == deployed[1])
        #expect(try deployment.rollback(Self.site) == deployed[0])
    }
}
