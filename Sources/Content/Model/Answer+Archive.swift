import Markdown
import Moderation

/// An answer as read, kept in a build's cache (``AnswerFileCache``) and read
/// back instead of the file while the file's stamp is unchanged.
extension Answer {
    /// The answer: its front (``writeFront(to:)``), then its texts: the body's place and the source. Not
    /// the reader's texts: a build that reads the answer back scans it again only when the lexicon changed,
    /// and derives them from the source then (``AnswerTexts``); kept, they were half of the memory's bytes.
    func write(to archive: inout ArchiveWriter) {
        writeFront(to: &archive)
        // The body is the end of the source (after the front matter): its length says where, without a second copy.
        if let length = lengthOfBodyEndingSource {
            archive.bool(true)
            archive.int(length)
        } else {
            archive.bool(false)
            archive.text(body)
        }
        archive.text(source)
    }

    /// Everything but the texts: what checking the answer against the others needs
    /// (another city's answer in a `--city` build, see ``AnswerFileCache``).
    func writeFront(to archive: inout ArchiveWriter) {
        archive.text(scope.description)
        archive.text(id)
        archive.text(title)
        archive.text(category)
        archive.text(updated.description)
        archive.text(visibility.rawValue)
        archive.texts(tags)
        archive.optionalText(overrides)
        archive.texts(media)
        archive.int(bodyLine)
        archive.text(file)
        let keys = keyLines.byKey
        archive.texts(keys.map(\.key))
        archive.ints(keys.map(\.line))
        archive.texts(answerLinks.map(\.id))
        archive.ints(answerLinks.map(\.line))
        archive.int(mediaReferences.count)
        for reference in mediaReferences {
            archive.text(reference.name)
            archive.int(reference.line)
            archive.bool(reference.isImage)
        }
        archive.text(fileHash)
    }

    /// The answer ``write(to:)`` wrote; or, with `frontOnly`, the front ``writeFront(to:)`` wrote,
    /// as an answer with no texts (like one read with `frontMatterOnly`), only ever checked, never built.
    static func read(from archive: inout ArchiveReader, frontOnly: Bool = false) throws(ArchiveReader.Damaged) -> Answer {
        let scopeName = try archive.text()
        let scope: Scope = switch scopeName {
        case "province": .province
        case "media": .media
        default: .city(scopeName)
        }
        let id = try archive.text()
        let title = try archive.text()
        let category = try archive.text()
        guard let updated = Day(try archive.text()), let visibility = Visibility(rawValue: try archive.text()) else {
            throw ArchiveReader.Damaged()
        }
        let tags = try archive.texts()
        let overrides = try archive.optionalText()
        let media = try archive.texts()
        let bodyLine = try archive.int()
        let file = try archive.text()
        let keys = try archive.texts()
        let lines = try archive.ints()
        guard keys.count == lines.count else { throw ArchiveReader.Damaged() }
        let linkIDs = try archive.texts()
        let linkLines = try archive.ints()
        guard linkIDs.count == linkLines.count else { throw ArchiveReader.Damaged() }
        var mediaReferences: [MarkdownDocument.MediaReference] = []
        for _ in 0..<(try archive.count()) {
            mediaReferences.append(.init(name: try archive.text(), line: try archive.int(), isImage: try archive.bool()))
        }
        let fileHash = try archive.text()
        let texts: AnswerTexts
        if frontOnly {
            texts = AnswerTexts(source: "", body: "", readerTexts: [])
        } else {
            let bodyEnd = try archive.bool() ? try archive.int() : nil
            let explicitBody = bodyEnd == nil ? try archive.text() : nil
            // The source: its shape checked now, decoded when first asked for (``AnswerTexts``).
            let textsStart = archive.position
            // The body is the end of the source: it cannot be longer.
            guard (bodyEnd ?? 0) >= 0, try archive.skipText() >= (bodyEnd ?? 0) else { throw ArchiveReader.Damaged() }
            texts = AnswerTexts(archived: .init(bytes: archive.bytes(from: textsStart), bodyEnd: bodyEnd, body: explicitBody))
        }
        return Answer(scope: scope, id: id, title: title, category: category, updated: updated, visibility: visibility, tags: tags,
                      overrides: overrides, media: media, bodyLine: bodyLine, file: file,
                      keyLines: KeyLines(Dictionary(zip(keys, lines)) { first, _ in first }), texts: texts,
                      answerLinks: zip(linkIDs, linkLines).map { Link(id: $0, line: $1) }, mediaReferences: mediaReferences,
                      fileHash: fileHash)
    }
}
