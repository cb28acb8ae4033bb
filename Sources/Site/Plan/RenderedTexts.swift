import Content

/// The HTML, plain text and search pieces of an answer's rendering, held in memory or kept
/// in the build's ``SpillFile`` and read back each time they are asked for: a
/// build asks for them once per site that shows the answer (its page, its
/// search terms and document), while it holds the renderings of the answers
/// of the site it writes and of the provincial ones, until the hub is written.
struct RenderedTexts: Sendable {
    private enum Held: Sendable {
        case memory(html: String, plainText: String, searchPieces: [UInt8])
        /// The HTML's `htmlCount` bytes at `offset`, the plain text's right after, then the search pieces' JSON (`piecesCount` bytes).
        case spilled(file: SpillFile, offset: Int, htmlCount: Int, plainTextCount: Int, piecesCount: Int)
    }

    private let held: Held

    /// - Parameter spill: where to keep the texts; in memory without one, or when it cannot take them.
    init(html: String, plainText: String, searchPieces: [String], spill: SpillFile?) {
        // The texts side by side, copied only where there is a spill file (not in the preview). The search pieces
        // as the search documents hold them: a JSON array, made once however many sites show the answer.
        var pieces: [UInt8] = [UInt8(ascii: "[")]
        for (index, piece) in searchPieces.enumerated() {
            if index > 0 { pieces.append(UInt8(ascii: ",")) }
            SearchIndex.appendJSONString(piece, to: &pieces)
        }
        pieces.append(UInt8(ascii: "]"))
        let offset = spill.flatMap { spill in
            var bytes = Array(html.utf8)
            bytes += plainText.utf8
            bytes += pieces
            return bytes.withUnsafeBytes { spill.keep($0) }
        }
        if let spill, let offset {
            held = .spilled(file: spill, offset: offset, htmlCount: html.utf8.count, plainTextCount: plainText.utf8.count,
                            piecesCount: pieces.count)
        } else {
            held = .memory(html: html, plainText: plainText, searchPieces: pieces)
        }
    }

    var html: String {
        switch held {
        case .memory(let html, _, _): html
        case .spilled(let file, let offset, let htmlCount, _, _): String(decoding: file.bytes(at: offset, count: htmlCount), as: UTF8.self)
        }
    }

    var plainText: String {
        switch held {
        case .memory(_, let plainText, _): plainText
        case .spilled(let file, let offset, let htmlCount, let plainTextCount, _):
            String(decoding: file.bytes(at: offset + htmlCount, count: plainTextCount), as: UTF8.self)
        }
    }

    /// What search results may show (``MarkdownDocument/searchPieces``), as a JSON array of strings.
    var searchPiecesJSON: [UInt8] {
        switch held {
        case .memory(_, _, let pieces): pieces
        case .spilled(let file, let offset, let htmlCount, let plainTextCount, let piecesCount):
            file.bytes(at: offset + htmlCount + plainTextCount, count: piecesCount)
        }
    }

    /// Whether the texts are in a spill file, not in memory (for the tests).
    var isSpilled: Bool {
        if case .spilled = held { true } else { false }
    }
}
