import Content
import Diagnostics
import HTTPTypes

/// A request the console refuses, with the HTTP status the API gives it and
/// the message the person reads (in Chinese; the catalog translates it).
struct ConsoleFailure: Error {
    let status: HTTPResponse.Status
    let message: String
    /// Content problems with file and line, for a 422.
    var issues: [ContentIssue] = []

    static func unauthorized() -> ConsoleFailure { ConsoleFailure(status: .unauthorized, message: "Log in first.") }
    static func forbidden(_ message: String) -> ConsoleFailure { ConsoleFailure(status: .forbidden, message: message) }
    static func notFound(_ reference: String) -> ConsoleFailure {
        ConsoleFailure(status: .notFound, message: "There is no answer `\(reference)`.")
    }
}
