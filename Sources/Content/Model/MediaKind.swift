/// What a file under `media/` is, by its name's ending: what the page makes
/// of it, and what its reviewed `<file>.txt` is to readers.
package enum MediaKind: String, Sendable, Equatable {
    /// Presented as `<audio>`; the text file is its transcript.
    case audio
    /// Presented as `<video>`; the text file is its transcript.
    case video
    /// A PNG, JPEG or WebP image in an answer's text; the text file is its alt text.
    case image
    /// A PDF linked from an answer's text; the text file is its summary.
    case document

    static let endings: [String: MediaKind] = [
        "mp3": .audio, "m4a": .audio, "ogg": .audio, "oga": .audio, "wav": .audio,
        "mp4": .video, "webm": .video, "ogv": .video,
        "png": .image, "jpg": .image, "jpeg": .image, "webp": .image,
        "pdf": .document,
    ]

    /// The kind of the file `name`, or `nil` for a file that does not publish.
    package init?(fileName name: String) {
        guard let kind = Self.endings[Self.ending(of: name)] else { return nil }
        self = kind
    }

    /// The lowercased ending of `name`, without the dot.
    package static func ending(of name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Endings of the kinds given, for messages.
    static func endings(of kinds: Set<MediaKind>) -> String {
        endings.filter { kinds.contains($0.value) }.keys.sorted().joined(separator: ", ")
    }

    /// What the reviewed text file is called, as reviewers read it.
    var descriptionName: String {
        switch self {
        case .audio, .video: "音视频文字稿"
        case .image: "图片说明"
        case .document: "PDF 摘要"
        }
    }
}
