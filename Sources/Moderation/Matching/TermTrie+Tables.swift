extension TermTrie {
    /// The trie's memory, written once in `init` and only read afterwards.
    ///
    /// Nodes are cells of a double array: the child of node `n` by symbol `s`
    /// is cell `base(n) + s` if that cell's `check` is `n`. One addition and one
    /// comparison a step, and the children of a node lie close together. The
    /// root is cell 0 with base 0, so its child by `s` is cell `s`. Symbols are
    /// numbered by how often terms use them, so the busiest nodes share few
    /// cache lines.
    final class Tables: @unchecked Sendable {
        /// Symbol of each BMP scalar (0: in no term), and of the others that terms use.
        let planeSymbols: UnsafeMutablePointer<UInt32>
        let otherSymbols: [UInt32: UInt32]
        private let cells: UnsafeMutablePointer<Cell>
        /// The term ending at each cell, or -1.
        let terms: UnsafeMutablePointer<Int32>

        struct Cell {
            /// Where the node's children start, with `endsTermFlag` when a term ends at the node.
            var base: Int32
            /// The parent node; negative for the root and for cells that are no node.
            var check: Int32
        }

        private static let endsTermFlag: Int32 = 1 << 30

        init(terms: [[UInt32]]) {
            let symbols = Self.numberSymbols(terms)
            planeSymbols = .allocate(capacity: 0x10000)
            planeSymbols.initialize(repeating: 0, count: 0x10000)
            var otherSymbols: [UInt32: UInt32] = [:]
            for (scalar, symbol) in symbols {
                if scalar < 0x10000 { planeSymbols[Int(scalar)] = symbol } else { otherSymbols[scalar] = symbol }
            }
            self.otherSymbols = otherSymbols

            let trie = Self.buildTrie(terms.map { $0.map { symbols[$0]! } })
            let layout = DoubleArrayLayout(trie.children, symbolCount: symbols.count)
            precondition(layout.base.count < Int(Self.endsTermFlag), "the lexicon is too large for one trie")
            // Room past the last cell for any base + symbol.
            let cellCount = layout.base.count + symbols.count + 1
            var base = layout.base + [Int32](repeating: 0, count: cellCount - layout.base.count)
            let check = layout.check + [Int32](repeating: DoubleArrayLayout.freeCell, count: cellCount - layout.check.count)
            var cellTerms = [Int32](repeating: -1, count: cellCount)
            for (node, term) in trie.output.enumerated() where term >= 0 {
                let cell = Int(layout.cellOf[node])
                cellTerms[cell] = term
                base[cell] |= Self.endsTermFlag
            }
            cells = .allocate(capacity: cellCount)
            for cell in 0..<cellCount { (cells + cell).initialize(to: Cell(base: base[cell], check: check[cell])) }
            self.terms = .allocate(capacity: cellCount)
            self.terms.initialize(from: cellTerms, count: cellCount)
        }

        deinit {
            planeSymbols.deallocate()
            cells.deallocate()
            terms.deallocate()
        }

        // MARK: Reading

        /// Whether cell `node` (a symbol) is a child of the root: some term starts with that symbol.
        @inline(__always)
        func isRootChild(_ node: Int) -> Bool { cells[node].check == 0 }

        @inline(__always)
        func endsTerm(_ node: Int) -> Bool { cells[node].base & Self.endsTermFlag != 0 }

        /// The child of `node` by `symbol`, if there is one.
        @inline(__always)
        func child(of node: Int, _ symbol: UInt32) -> Int? {
            let cell = Int(cells[node].base & ~Self.endsTermFlag) + Int(symbol)
            return cells[cell].check == Int32(truncatingIfNeeded: node) ? cell : nil
        }

        // MARK: Building

        /// Dense symbol numbers from 1, by how many terms use the scalar (most first).
        private static func numberSymbols(_ terms: [[UInt32]]) -> [UInt32: UInt32] {
            var uses: [UInt32: Int] = [:]
            for term in terms { for scalar in term { uses[scalar, default: 0] += 1 } }
            let ordered = uses.keys.sorted { (-uses[$0]!, $0) < (-uses[$1]!, $1) }
            return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, UInt32($0 + 1)) })
        }

        /// The trie over symbols with a dictionary per node; the term ending at each node, or -1.
        /// When two terms are equal, the first is kept.
        private static func buildTrie(_ terms: [[UInt32]]) -> (children: [[UInt32: Int32]], output: [Int32]) {
            var children: [[UInt32: Int32]] = [[:]]
            var output: [Int32] = [-1]
            for (index, term) in terms.enumerated() {
                var node = 0
                for symbol in term {
                    if let next = children[node][symbol] {
                        node = Int(next)
                    } else {
                        children.append([:])
                        output.append(-1)
                        children[node][symbol] = Int32(children.count - 1)
                        node = children.count - 1
                    }
                }
                if output[node] < 0 { output[node] = Int32(index) }
            }
            return (children, output)
        }
    }
}
