import Diagnostics
import Foundation

/// Where messages go: results on standard output, problems and progress on standard error,
/// in the user's language (``Language/current``, through ``MessageCatalog``).
/// Problems often quote content (a title, a file name): their control characters are shown, never obeyed.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(MessageCatalog.text(text, in: .current), keepingLineBreaks: true) + "\n").utf8))
    }

    /// A result for standard output.
    /// - Parameter keepingLineBreaks: for text that is several lines by design (a listing); a one-line
    ///   result shows a line break inside a title as `\u{A}` rather than forge a line of its own.
    static func say(_ text: String, keepingLineBreaks: Bool = false, terminator: String = "\n") {
        print(TerminalText.safe(MessageCatalog.text(text, in: .current), keepingLineBreaks: keepingLineBreaks), terminator: terminator)
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
