import Foundation
import Synchronization

/// A program from a Debian package that the build runs (`vipsthumbnail`,
/// `pdftotext`), found on `PATH`: what it printed and how it ended, or an
/// error telling the user which package to install.
package struct ExternalTool: Sendable {
    /// The program's name, e.g. `pdftotext`.
    package let name: String
    /// The Debian package that provides it, e.g. `poppler-utils`.
    package let package: String

    package init(name: String, package: String) {
        self.name = name
        self.package = package
    }

    /// What one run printed.
    package struct Outcome: Sendable {
        package let status: Int32
        package let output: Data
        /// The first line of the program's error output, if any.
        package let complaint: String?
    }

    /// Runs the program with `arguments`, waiting for it to end, or killing it after `timeout` seconds.
    /// - Parameters:
    ///   - file: the content file (or the place) the run is about, for messages.
    ///   - input: what the program reads on its standard input; none by default.
    package func run(_ arguments: [String], about file: String, timeout: Double = 60, input: Data? = nil) throws(ContentIssue) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let feed = input.map { _ in Pipe() }
        process.standardInput = feed ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ContentIssue(file: file, line: nil, message: "`\(name)` could not be started: \(error.localizedDescription).",
                               fix: "Run `bash scripts/install-deps.sh` (it installs the Debian package \(package)).")
        }
        // A file crafted to keep the tool busy (a PDF drawing itself a billion times) stops the build, not hangs it.
        let expired = Mutex(false)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            expired.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        if let feed, let input {
            // Written on a thread of its own: a program that prints before it has read all stays unblocked.
            Thread.detachNewThread {
                try? feed.fileHandleForWriting.write(contentsOf: input)
                try? feed.fileHandleForWriting.close()
            }
        }
        // Errors are read on another thread so that neither pipe fills up while the other is drained.
        let complaint = ComplaintReader(errors.fileHandleForReading)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        if expired.withLock({ $0 }) {
            throw ContentIssue(file: file, line: nil, message: "`\(name)` took more than \(Int(timeout)) seconds on this file and was stopped.",
                               fix: "The file is built to be slow or is damaged: save it again (as PDF, PNG, JPEG or WebP) from the program that made it.")
        }
        if process.terminationStatus == 127 {
            throw ContentIssue(file: file, line: nil, message: "This needs `\(name)`, which is not installed.",
                               fix: "Run `bash scripts/install-deps.sh` (it installs the Debian package \(package)).")
        }
        return Outcome(status: process.terminationStatus, output: printed, complaint: complaint.firstLine())
    }
}
