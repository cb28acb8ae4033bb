import ArgumentParser
import Foundation
import PreviewServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the sites on 127.0.0.1, rebuilt and reloaded as you edit.",
        discussion: "Open http://localhost:PORT/ for the hub and http://<abbr>.localhost:PORT/ for a city (e.g. nj.localhost).")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The theme folder.", valueName: "dir"))
    var templates = "Templates"

    @Option(help: "The port on 127.0.0.1 (1–65535).")
    var port = 8080

    @Flag(help: "Also show answers awaiting review, each with a banner (never blocked or private ones).")
    var previewUnreviewed = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port).") }
    }

    func run() async throws {
        let server = PreviewServer(contentDirectory: options.content, templatesDirectory: templates, port: port,
                                   previewUnreviewed: previewUnreviewed)
        do {
            try await server.run { line in Terminal.error(line) }
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
