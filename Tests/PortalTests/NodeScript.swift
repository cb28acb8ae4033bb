import Foundation
import Testing

/// Runs JavaScript under Node.js (Debian's `nodejs`, installed by
/// `scripts/install-deps.sh test`): how the tests reach the sites' own
/// `search.js`, so what they check is what a browser runs.
enum NodeScript {
    /// Runs `harness` (`node -e`) with `arguments`, `input` on standard input; returns standard output.
    static func run(_ harness: String, arguments: [String], input: Data) throws -> Data {
        let node = Process()
        node.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        node.arguments = ["node", "-e", harness] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        node.standardInput = stdin
        node.standardOutput = stdout
        try node.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        node.waitUntilExit()
        try #require(node.terminationStatus == 0, "node failed: is Debian's nodejs installed? (scripts/install-deps.sh test)")
        return data
    }
}
