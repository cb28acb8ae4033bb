import Foundation
import Testing
@testable import Content

/// The folder of a path, as Foundation gives it, for paths where Foundation's own method crashes too.
struct PathTextTests {
    @Test func theFolderOfAPathIsWhatFoundationSaysAndNothingForAOneComponentPath() {
        let cases: [(String, String)] = [
            ("O", ""), ("O/", ""), ("é", ""), ("out", ""), ("out/", ""), ("", ""),
            ("./O", "."), ("/O", "/"), ("/", "/"), ("a/b", "a"), ("a/b/", "a"), ("/srv/dist", "/srv"), ("../dist", ".."),
        ]
        for (path, parent) in cases { #expect(PathText.parent(of: path) == parent, "\(path)") }
    }
}
