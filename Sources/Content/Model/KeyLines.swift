/// The line of each front-matter key of an answer (``AnswerLoader/keys``), for
/// messages about its value; where a key is absent, the line of the front
/// matter itself. Eight numbers inline: a dictionary of them took some 450
/// bytes an answer, 25 MB of the peak of a build of 4x the benchmark province.
package struct KeyLines: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// By the order of ``AnswerLoader/keys``; 0 where none was given (an answer made in a test).
    private var lines = SIMD8<Int32>()

    /// - Parameter lines: by key; keys that are not an answer's are left out.
    package init(_ lines: [String: Int]) {
        for (key, line) in lines {
            guard let index = AnswerLoader.keys.firstIndex(of: key) else { continue }
            self.lines[index] = Int32(clamping: line)
        }
    }

    /// The line of each key of an answer, as `line` gives it.
    init(_ line: (String) -> Int) {
        for (index, key) in AnswerLoader.keys.enumerated() { lines[index] = Int32(clamping: line(key)) }
    }

    package init(dictionaryLiteral elements: (String, Int)...) {
        self.init(Dictionary(elements) { first, _ in first })
    }

    /// The line of `key`, or `nil` for a key that is not an answer's.
    package subscript(key: String) -> Int? {
        AnswerLoader.keys.firstIndex(of: key).map { Int(lines[$0]) }
    }

    /// Every key with its line, by key.
    var byKey: [(key: String, line: Int)] {
        AnswerLoader.keys.enumerated().map { ($1, Int(lines[$0])) }.sorted { $0.key < $1.key }
    }
}
