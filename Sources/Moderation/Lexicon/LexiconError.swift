import Diagnostics

/// A bad line in a lexicon file, located so an editor can fix it.
package struct LexiconError: Diagnostic, Equatable {
    package let file: String
    package let line: Int?
    package let message: String
    package let fix: String

    package var location: SourceLocation? { SourceLocation(file: file, line: line) }
    package var hint: String? { fix }
}
