/// An audio or video file an answer presents, with its reviewed transcript.
struct MediaItem: TemplateContext {
    let name: String
    let video: Bool
    let transcript: String

    static let keys: [String: TemplateKey<MediaItem>] = [
        "name": .text(\.name), "url": .address { "/media/\($0.name)" }, "video": .flag(\.video), "transcript": .text(\.transcript),
    ]
}
