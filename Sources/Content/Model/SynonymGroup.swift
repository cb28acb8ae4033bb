/// Words residents use for the same thing (`跌倒 摔跤 摔倒`), one line of
/// `search/synonyms.txt`: a search for one finds answers written with another.
package struct SynonymGroup: Sendable, Equatable {
    package let words: [String]
    /// The file and line it was written on, for messages.
    package let file: String
    package let line: Int

    package init(words: [String], file: String, line: Int) {
        self.words = words
        self.file = file
        self.line = line
    }
}
