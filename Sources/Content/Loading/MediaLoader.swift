import Crypto
import Foundation

/// Audio and video files under `media/`, each with a transcript `<file>.txt`:
/// article 37 wants online audio and video reviewed, and a reviewer reads the
/// transcript. The transcript is bound to the media file's bytes too, so
/// replacing the recording sends it back to review.
package enum MediaLoader {
    /// File endings presented as `<audio>` or `<video>`.
    static let audio: Set<String> = ["mp3", "m4a", "ogg", "oga", "wav"]
    package static let video: Set<String> = ["mp4", "webm", "ogv"]

    static func transcripts(for answers: [Answer], directory: String, issues: inout [ContentIssue]) -> [Transcript] {
        var transcripts: [String: Transcript] = [:]
        for answer in answers {
            for name in answer.media where transcripts[name] == nil {
                let line = answer.keyLines["media"]
                let fileExtension = (name as NSString).pathExtension.lowercased()
                guard !name.contains("/"), !name.hasPrefix("."), audio.contains(fileExtension) || video.contains(fileExtension) else {
                    issues.append(ContentIssue(file: answer.file, line: line, message: "`\(name)` is not an audio or video file name.",
                                               fix: "Name a file in the media folder ending in \((audio.union(video)).sorted().joined(separator: ", "))."))
                    continue
                }
                let mediaPath = "\(directory)/\(name)"
                let transcriptPath = mediaPath + ".txt"
                let outside = [(mediaPath, "media file"), (transcriptPath, "transcript")].compactMap {
                    FolderBoundary.issue(for: $0.0, inside: directory, what: $0.1)
                }
                guard outside.isEmpty else {
                    issues += outside
                    continue
                }
                guard let media = FileManager.default.contents(atPath: mediaPath) else {
                    issues.append(ContentIssue(file: answer.file, line: line, message: "The media file `\(name)` is not in \(directory).",
                                               fix: "Put the file there or remove it from `media:`."))
                    continue
                }
                do throws(ContentIssue) {
                    let data = try TextFile.data(transcriptPath)
                    let text = try TextFile.decode(data, file: transcriptPath)
                    transcripts[name] = Transcript(name: name, text: text, file: transcriptPath,
                                                   fileHash: SHA256.hex(Data((SHA256.hex(media) + SHA256.hex(data)).utf8)))
                } catch {
                    issues.append(ContentIssue(file: answer.file, line: line, message: "`\(name)` has no readable transcript `\(name).txt`.",
                                               fix: "Write its transcript next to it: audio and video publish only with a reviewed transcript (article 37)."))
                }
            }
        }
        return transcripts.keys.sorted().map { transcripts[$0]! }
    }
}
