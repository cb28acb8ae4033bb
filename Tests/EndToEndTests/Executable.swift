import Glibc
import Foundation
import Synchronization
import Testing

/// Runs the built `portal12320` executable, as a user would from a shell.
enum Executable {
    struct Result {
        let status: Int32
        /// The signal that ended the process, if one did.
        var signal: Int32? = nil
        let output: String
        let error: String
    }

    /// The executable built next to this test bundle.
    static var url: URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("portal12320")
    }

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// - Parameter program: another program to run instead (a shell that runs `portal12320` where a test cannot).
    static func run(_ arguments: [String], in directory: String = repository, environment: [String: String] = [:],
                    program: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program ?? url
        process.arguments = arguments
        // Messages in English unless a test asks for another locale, whatever the developer's own.
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes at once: a command that fills one while the other is read would wait forever.
        let errorText = Mutex(Data())
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            errorText.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() }
            errorRead.signal()
        }.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        let errorData = errorText.withLock { $0 }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
                      output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData, as: UTF8.self))
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        // Letters only: a path is written into portal.yml by some tests, and a run of the UUID's digits
        // could read as a telephone number there (moderation refuses those in portal.yml, rightly).
        let name = String(UUID().uuidString.map { $0.isNumber ? Character(UnicodeScalar($0.asciiValue! - 48 + 103)) : $0 })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("portal-e2e-\(name)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Stops a daemon (nginx, sshd) by its pid file, deleting that file first: the daemon deletes it as it
    /// exits, and removing the test's folder while it did failed on the vanished file and left the folder behind.
    static func stopDaemon(pidFile: String) {
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        unlink(pidFile)
        kill(pid, SIGTERM)
    }

    /// Runs `arguments` and returns its exit status once it has exited (-1 when it cannot start): for daemons
    /// (nginx, sshd), whose starting process exits once they listen (Foundation's Process would wait for the daemon too).
    static func spawn(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
