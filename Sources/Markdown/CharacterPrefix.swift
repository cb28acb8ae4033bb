extension String {
    /// The first `limit` characters, exactly as `prefix(limit)` counts them (grapheme clusters), but without
    /// running the grapheme rules between two scalars that always stand apart: printable ASCII, tab and line
    /// feed, CJK ideographs and punctuation, fullwidth forms. `prefix(_:)` ran them on every scalar, a
    /// fiftieth of a full build for the search texts. From the first other scalar on, it counts as `prefix(_:)`.
    package func prefix(characters limit: Int) -> Substring {
        guard limit > 0 else { return self[..<startIndex] }
        var text = self
        // How many characters the scalars that stand apart make, and the UTF-8 offset where they end.
        let (count, offset) = text.withUTF8 { utf8 -> (Int, Int) in
            var count = 0
            var offset = 0
            var length = utf8.isEmpty ? nil : Self.lengthStandingApart(utf8, at: 0)
            while let current = length {
                let next = offset + current
                // Between two such scalars no rule joins (GB999): `offset` starts a character, and so does `next`.
                let following = next == utf8.count ? 0 : Self.lengthStandingApart(utf8, at: next)
                guard following != nil else { break }
                count += 1
                offset = next
                if count == limit || next == utf8.count { break }
                length = following
            }
            return (count, offset)
        }
        let index = utf8.index(startIndex, offsetBy: offset)
        if count == limit { return self[..<index] }
        let rest = self[index...]
        return self[..<(rest.index(index, offsetBy: limit - count, limitedBy: endIndex) ?? endIndex)]
    }

    /// The UTF-8 length of the scalar at `offset` where it stands apart from its neighbours, `nil` where it may not:
    /// its Grapheme_Cluster_Break is Other (LF, or Control for the tab), never CR, Extend, ZWJ, SpacingMark,
    /// Prepend, Hangul or a regional indicator.
    private static func lengthStandingApart(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let lead = utf8[offset]
        if lead < 0x80 { return lead == 0x09 || lead == 0x0A || (0x20...0x7E).contains(lead) ? 1 : nil }
        guard lead & 0xF0 == 0xE0, offset + 2 < utf8.count else { return nil }
        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(utf8[offset + 1] & 0x3F) << 6 | UInt32(utf8[offset + 2] & 0x3F)
        return Unicode.Scalar(scalar).map(\.standsApart) == true ? 3 : nil
    }
}

extension Unicode.Scalar {
    /// Whether no grapheme rule joins this scalar to a neighbour (its Grapheme_Cluster_Break is Other), for the
    /// common ones: printable ASCII, tab and line feed, dashes and quotation marks, CJK punctuation and
    /// ideographs, fullwidth forms. (Others may stand apart too; they are not counted on.)
    package var standsApart: Bool {
        switch value {
        case 0x09, 0x0A, 0x20...0x7E: true
        case 0x2010...0x2027: true  // dashes, quotation marks, the ellipsis
        case 0x3000...0x3029, 0x3030...0x303F: true  // CJK punctuation, not the tone marks 302A–302F
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // CJK ideographs
        case 0xFF01...0xFF5E: true  // fullwidth forms
        default: false
        }
    }
}
