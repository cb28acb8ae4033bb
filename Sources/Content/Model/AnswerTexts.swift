import Glibc
import Moderation
import Synchronization

/// An answer's texts: the file as written, its Markdown body, and what
/// readers see. As read from the file; or, for an answer a build read back
/// from its memory, the sealed bytes the source was kept as, decoded the first
/// time it is asked for, and what readers see derived from it only when asked
/// for. Most answers of a build that keeps most sites are neither rendered nor
/// scanned again (their findings are remembered), and these texts are most of
/// the time and memory an answer costs to read back. Or, once `build` has
/// read and moderated the answer, the source is in the build's ``SpillFile``,
/// read back each time it is asked for (``spill(to:)``).
final class AnswerTexts: Sendable {
    struct Decoded: Sendable {
        let source: String
        /// Nil where not held: read back from a build's memory, or given up (``AnswerTexts/forgetReaderTexts()``).
        fileprivate(set) var readerTexts: [DerivedText]?
        /// The body where it is not the end of the source (a text of its own).
        private let ownBody: String?
        /// The body's length in UTF-8 bytes.
        let bodyByteCount: Int
        /// Whether the body is the end of the source (its last ``bodyByteCount`` bytes).
        var bodyEndsSource: Bool { ownBody == nil }

        /// The body, made from the end of the source when asked for (a build asks once or twice per answer):
        /// a copy kept beside the source for every answer was some 26 MB of a province build's peak.
        var body: String {
            ownBody ?? String(decoding: source.utf8.suffix(bodyByteCount), as: UTF8.self)
        }

        /// The texts of `source`, its last `bodyByteCount` bytes the body.
        init(source: String, bodyByteCount: Int) {
            self.source = source
            readerTexts = nil
            ownBody = nil
            self.bodyByteCount = bodyByteCount
        }

        init(source: String, body: String, readerTexts: [DerivedText]?) {
            var source = source
            var body = body
            let isEnd = source.withUTF8 { whole in
                body.withUTF8 { end in
                    whole.count >= end.count && (end.isEmpty || memcmp(whole.baseAddress! + whole.count - end.count, end.baseAddress!, end.count) == 0)
                }
            }
            self.source = source
            self.readerTexts = readerTexts
            ownBody = isEnd ? nil : body
            bodyByteCount = body.utf8.count
        }
    }

    /// Where the texts are kept in a build's memory: the source (see ``Answer/write(to:)``), and where the
    /// body starts (its length at the end of the source) or the body itself.
    struct Archived: Sendable {
        let bytes: ArraySlice<UInt8>
        let bodyEnd: Int?
        let body: String?
    }

    /// Where a source given up to the build's spill file is: its bytes, the body the last ``bodyByteCount`` of them.
    struct Spilled: Sendable {
        let file: SpillFile
        let offset: Int
        let sourceByteCount: Int
        let bodyByteCount: Int

        var value: Decoded {
            let source = String(decoding: file.bytes(at: offset, count: sourceByteCount), as: UTF8.self)
            return Decoded(source: source, bodyByteCount: bodyByteCount)
        }

        var body: String {
            String(decoding: file.bytes(at: offset + sourceByteCount - bodyByteCount, count: bodyByteCount), as: UTF8.self)
        }
    }

    /// What is held of the texts: nothing yet (read back from a build's memory, not yet decoded), the decoded texts, or where they were spilled.
    private enum Held: Sendable {
        case archived
        case decoded(Decoded)
        case spilled(Spilled)
    }

    private let archived: Archived?
    private let held: Mutex<Held>

    init(source: String, body: String, readerTexts: [DerivedText]) {
        archived = nil
        held = Mutex(.decoded(Decoded(source: source, body: body, readerTexts: readerTexts)))
    }

    /// Texts checked for their shape (every length within the bytes, the body no longer than the source) but not yet decoded.
    init(archived: Archived) {
        self.archived = archived
        held = Mutex(.archived)
    }

    /// What readers see: as read, or, where not held (read back from a build's memory, or given up),
    /// derived from the source anew as the loader derived it (`file` names the answer in messages only).
    func readerTexts(ofFile file: String) -> [DerivedText] {
        let value = value
        return value.readerTexts ?? ReaderView.answerTexts(value.source, file: file)
    }

    /// Gives up the reader's texts, nearly a fifth of what a province's answers hold: `build` does as soon as
    /// each answer is read and moderated, any other build once the gate has decided (nothing after moderation reads them).
    func forgetReaderTexts() {
        held.withLock { held in
            guard case .decoded(var decoded) = held else { return }
            decoded.readerTexts = nil
            held = .decoded(decoded)
        }
    }

    /// Whether the reader's texts are held, decoded (for the tests).
    var holdsReaderTexts: Bool {
        held.withLock { held in if case .decoded(let decoded) = held { decoded.readerTexts != nil } else { false } }
    }

    /// Whether the source is in a spill file, not in memory (for the tests).
    var isSpilled: Bool { spilled != nil }

    /// Gives the source up to `file`, to be read back from it whenever asked for: once the answer was read
    /// and moderated and what readers see given up, and only where the body is the end of the source
    /// (every answer's, as read from its file). Where the file cannot take it, the source stays in memory.
    func spill(to file: SpillFile) {
        held.withLock { held in
            guard case .decoded(let decoded) = held, decoded.readerTexts == nil, decoded.bodyEndsSource else { return }
            var source = decoded.source
            guard let offset = source.withUTF8({ file.keep(UnsafeRawBufferPointer($0)) }) else { return }
            let count = source.utf8.count
            held = .spilled(Spilled(file: file, offset: offset, sourceByteCount: count, bodyByteCount: decoded.bodyByteCount))
        }
    }

    var value: Decoded {
        let (decoded, spilled) = held.withLock { held -> (Decoded?, Spilled?) in
            switch held {
            case .decoded(let decoded): return (decoded, nil)
            case .spilled(let spilled): return (nil, spilled)
            case .archived:
                let made = archived.map(Self.decode) ?? Decoded(source: "", body: "", readerTexts: [])
                held = .decoded(made)
                return (made, nil)
            }
        }
        // Read back outside the lock: what was spilled never changes.
        return decoded ?? spilled!.value
    }

    /// Where the source was spilled, if it was.
    private var spilled: Spilled? {
        held.withLock { held in if case .spilled(let spilled) = held { spilled } else { nil } }
    }

    /// The body: from a spill file, only its own bytes are read back.
    var body: String {
        if let spilled { return spilled.body }
        return value.body
    }

    /// The length of the body in UTF-8 bytes where it is the end of the source, as decoded; `nil` where it is not.
    var lengthOfBodyEndingSource: Int? {
        if let spilled { return spilled.bodyByteCount }
        let value = value
        return value.bodyEndsSource ? value.bodyByteCount : nil
    }

    /// The body's length in UTF-8 bytes: for texts kept in a build's memory with the body at the end
    /// of the source, the length kept for it, without decoding them (the very number of bytes ``value``
    /// decodes, for every entry this program wrote); else the decoded body's. The same answer whether
    /// or not the texts were decoded before.
    var bodyByteCount: Int {
        if let spilled { return spilled.bodyByteCount }
        if let archived, let bodyEnd = archived.bodyEnd, bodyEnd >= 0,
            let sourceLength = Self.sourceLength(archived.bytes), bodyEnd <= sourceLength {
            return bodyEnd
        }
        return value.bodyByteCount
    }

    /// The length the source's bytes were written with (a text's first 8 bytes), if they are all there.
    private static func sourceLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        lengthPrefix(bytes).flatMap { length in length >= 0 && length <= bytes.count - 8 ? length : nil }
    }

    /// The first 8 bytes, little-endian, as ``ArchiveWriter`` writes a text's length.
    private static func lengthPrefix(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= 8 else { return nil }
        var length = 0
        for index in 0..<8 { length |= Int(bytes[bytes.startIndex + index]) << (8 * index) }
        return length
    }

    /// The texts of `archived`: the source, and the body, as kept; what readers see is derived from the
    /// source when asked for (``readerTexts(ofFile:)``). The shape was checked when the memory was read,
    /// and the memory is sealed with the user's key, so these are the bytes this program wrote from its own
    /// strings. Should the source still not decode (a bug), nothing is dropped: it is read with its bad bytes
    /// replaced, and what readers see is derived from that.
    private static func decode(_ archived: Archived) -> Decoded {
        var reader = ArchiveReader(Array(archived.bytes))
        let source = (try? reader.text()) ?? Self.repairedSource(archived.bytes)
        let body: String
        if let bodyEnd = archived.bodyEnd, bodyEnd >= 0, bodyEnd <= source.utf8.count {
            // Compared with the source's end again (``Decoded``): one that starts inside a character, which a
            // repaired source could give, is kept as the text it decodes to.
            body = String(decoding: source.utf8.suffix(bodyEnd), as: UTF8.self)
        } else {
            body = archived.body ?? ""
        }
        return Decoded(source: source, body: body, readerTexts: nil)
    }

    /// The source's bytes (after their length) as text, any byte that is not UTF-8 replaced.
    private static func repairedSource(_ bytes: ArraySlice<UInt8>) -> String {
        guard let length = lengthPrefix(bytes) else { return "" }
        let start = bytes.startIndex + 8
        return String(decoding: bytes[start..<min(bytes.endIndex, start + max(0, min(length, bytes.count - 8)))], as: UTF8.self)
    }
}
