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
}
