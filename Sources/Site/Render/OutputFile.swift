import Content
/// One file of the output, made on demand so rendering and writing spread over
/// all cores instead of holding the whole province in memory.
package struct OutputFile: Sendable {
    /// Path below the output folder, e.g. `www.jsnj12320.cn/answers/fever/index.html`.
    package let path: String
    package let make: @Sendable () throws(ContentIssue) -> [UInt8]
}
