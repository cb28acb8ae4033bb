/// Where a process keeps the normalisation table for the next (``Lexicon/keepTable(in:)``):
/// `load` gives what an earlier process saved, or `nil`; `save` keeps this one's.
/// What `load` gives is used only when it is exactly a table (``ScalarTable/init(archived:)``):
/// the store must give back only what this user's processes of this program saved.
package struct ScalarTableStore: Sendable {
    let load: @Sendable () -> [UInt8]?
    let save: @Sendable ([UInt8]) -> Void

    package init(load: @escaping @Sendable () -> [UInt8]?, save: @escaping @Sendable ([UInt8]) -> Void) {
        self.load = load
        self.save = save
    }
}
