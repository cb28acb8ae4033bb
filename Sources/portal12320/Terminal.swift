import ArgumentParser
import Diagnostics
import Content
import Foundation

/// Where messages go: results on standard output, problems and progress on standard error.
/// Problems often quote content (a title, a file name): their control characters are shown, never obeyed.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Prints a problem the one way every command prints problems:
    /// `file:line:column: error: message hint`, several of them followed by how many.
    static func report(_ problem: any Error) {
        switch problem {
        case let group as any DiagnosticGroup: error(group.description)
        case let diagnostic as any Diagnostic: error(diagnostic.rendered)
        default: error("error: \(problem)")
        }
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }
}
