import Content
import Foundation
import Hummingbird

/// `portal12320 serve`: the built sites on 127.0.0.1 for editors, rebuilt when
/// the content or the theme changes, with the open page reloaded.
package struct PreviewServer: Sendable {
    package let contentDirectory: String
    package let templatesDirectory: String
    package let port: Int
    package let previewUnreviewed: Bool

    package init(contentDirectory: String, templatesDirectory: String, port: Int, previewUnreviewed: Bool) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.port = port
        self.previewUnreviewed = previewUnreviewed
    }

    /// Builds once, then serves until cancelled or stopped by SIGINT or SIGTERM.
    /// Builds stay in memory (see ``PreviewSession``): nothing is written, least of all `dist/`.
    /// - Parameter log: receives one line per event (build results, errors).
    package func run(log: @escaping @Sendable (String) -> Void) async throws {
        let session = try await PreviewSession(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory,
                                               previewUnreviewed: previewUnreviewed, log: log)
        let app = Application(router: session.router(), configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { _ in log("Serving on http://localhost:\(port)/ (hub) and http://<abbr>.localhost:\(port)/ (cities).") })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { try await session.watch() }
            try await group.next()
            group.cancelAll()
        }
    }
}
