import ArgumentParser
import Console

struct ConsoleServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the console (the default): open http://BIND:PORT/ in a browser.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var data: ConsoleDataOption

    @Option(help: "The address to listen on; put a TLS proxy in front of anything but 127.0.0.1.")
    var bind = "127.0.0.1"

    @Option(help: "The port (1–65535).")
    var port = 8090

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port).") }
    }

    func run() async throws {
        do {
            let server = try ConsoleServer(contentDirectory: options.content, store: ConsoleStore(directory: data.data))
            try await server.run(bind: bind, port: port) { Terminal.error($0) }
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
