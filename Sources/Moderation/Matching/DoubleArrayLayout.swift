/// Where each node of a trie goes in a double array: node `n`'s child by
/// symbol `s` is cell `base[n] + s`, and `check` of that cell names `n`.
///
/// Nodes are placed breadth first, each node's children at the lowest offset
/// where all their cells are free (see `freeOffset`), found by skipping 64
/// taken cells at a time. Dense packing keeps the cells the search touches
/// most (the root's children and theirs, placed first) in few cache lines.
struct DoubleArrayLayout {
    static let freeCell: Int32 = -1
    static let rootCell: Int32 = -2

    private(set) var base: [Int32]
    private(set) var check: [Int32]
    /// The cell of each trie node.
    private(set) var cellOf: [Int32]
    /// One bit per cell, set when the cell is taken.
    private var taken: [UInt64]
    /// No cell below this one is free.
    private var firstFree = 0
    /// How far back from the end nodes with several children are placed: a
    /// few times the widest span of symbols a node's children can have.
    private let window: Int

    /// - Parameters:
    ///   - children: per trie node, its children by symbol; node 0 is the root.
    ///   - symbolCount: symbols are `1...symbolCount`.
    init(_ children: [[UInt32: Int32]], symbolCount: Int) {
        base = []
        check = []
        taken = []
        cellOf = [Int32](repeating: -1, count: children.count)
        window = max(1 << 12, 2 * symbolCount)
        grow(to: symbolCount + 1)
        // The root is cell 0 with base 0: its child by `s` is cell `s`.
        take(0, parent: Self.rootCell)
        cellOf[0] = 0
        var queue: [Int32] = []
        for symbol in children[0].keys.sorted() {
            let node = children[0][symbol]!
            take(Int(symbol), parent: 0)
            cellOf[Int(node)] = Int32(symbol)
            queue.append(node)
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            let symbols = children[node].keys.sorted()
            guard !symbols.isEmpty else { continue }
            let offset = freeOffset(for: symbols)
            let parent = Int(cellOf[node])
            base[parent] = Int32(offset)
            for symbol in symbols {
                let child = children[node][symbol]!
                take(offset + Int(symbol), parent: Int32(parent))
                cellOf[Int(child)] = Int32(offset + Int(symbol))
                queue.append(child)
            }
        }
    }

    /// The lowest offset (at least 1) where every `offset + symbol` is free.
    /// A node with one child takes the first free cell. Nodes with more look
    /// only among the last `window` cells: further back, the array is too
    /// full for them and searching it is what made large lexicons slow to
    /// build; single children fill the holes they leave.
    private mutating func freeOffset(for symbols: [UInt32]) -> Int {
        let lowest = Int(symbols[0])
        var start = max(lowest + 1, firstFree)
        if symbols.count > 1 { start = max(start, check.count - window) }
        var candidate = nextFree(from: start)
        while !symbols.allSatisfy({ isFree(candidate - lowest + Int($0)) }) {
            candidate = nextFree(from: candidate + 1)
        }
        let offset = candidate - lowest
        grow(to: offset + Int(symbols.last!) + 1)
        return offset
    }

    /// The first free cell at or after `cell` (cells past the end are free).
    private func nextFree(from cell: Int) -> Int {
        var word = cell >> 6
        guard word < taken.count else { return cell }
        var free = ~taken[word] & (~0 << UInt64(cell & 63))
        while free == 0 {
            word += 1
            guard word < taken.count else { return word << 6 }
            free = ~taken[word]
        }
        return word << 6 | free.trailingZeroBitCount
    }

    private func isFree(_ cell: Int) -> Bool {
        cell >= check.count || check[cell] == Self.freeCell
    }

    private mutating func take(_ cell: Int, parent: Int32) {
        grow(to: cell + 1)
        check[cell] = parent
        taken[cell >> 6] |= 1 << UInt64(cell & 63)
        if cell == firstFree { firstFree = nextFree(from: cell + 1) }
    }

    private mutating func grow(to count: Int) {
        guard count > check.count else { return }
        base += [Int32](repeating: 0, count: count - base.count)
        check += [Int32](repeating: Self.freeCell, count: count - check.count)
        let words = (count + 63) >> 6
        if words > taken.count { taken += [UInt64](repeating: 0, count: words - taken.count) }
    }
}
