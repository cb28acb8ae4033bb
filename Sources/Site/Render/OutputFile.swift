import Content
/// One file of the output, made on demand so rendering and writing spread over
/// all cores instead of holding the whole province in memory.
package struct OutputFile: Sendable {
    /// Path below the output folder, e.g. `www.jsnj12320.cn/answers/fever/index.html`.
    package let path: String
    /// For a page: its values made, ready to render or to be recognised as rendered before.
    package let prepare: (@Sendable () -> PreparedPage)?
    package let make: @Sendable () throws(ContentIssue) -> [UInt8]

    package init(path: String, prepare: (@Sendable () -> PreparedPage)? = nil, make: @escaping @Sendable () throws(ContentIssue) -> [UInt8]) {
        self.path = path
        self.prepare = prepare
        self.make = make
    }
}
