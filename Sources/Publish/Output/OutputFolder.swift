import Content
import Foundation

/// Which folders a build may replace. A build swaps the whole output folder
/// for a new one and deletes the old, so `--output Content` or `--output .`
/// would erase the content or the project. Only a missing folder, an empty
/// one, or one holding ``marker`` (written into every build output) is taken.
package enum OutputFolder {
    /// The file that marks a folder as the output of a build.
    package static let marker = ".portal12320-output"
    static let markerText = "This folder is the output of `portal12320 build`: every build replaces it whole.\n"

    /// Refuses an output folder that is, holds or lies inside the content or
    /// templates folder, that is the working directory or one of its
    /// ancestors, or that ``checkOwnership(of:)`` refuses.
    /// - Throws: ``OutputRefusal`` naming what the folder is.
    package static func check(output: String, content: String, templates: String, workingDirectory: String) throws(OutputRefusal) {
        let fix = "Pass --output a folder of its own, e.g. --output dist."
        for (folder, name) in [(content, "the content folder"), (templates, "the templates folder")] {
            if RealPath.isInside(output, folder) {
                throw OutputRefusal(path: output, reason: "it is or lies inside \(name) `\(folder)`", fix: fix)
            }
        }
        for (folder, name) in [(content, "the content folder"), (templates, "the templates folder"), (workingDirectory, "the project folder")]
        where RealPath.isInside(folder, output) {
            throw OutputRefusal(path: output, reason: "it is or contains \(name) `\(folder)`", fix: fix)
        }
        try checkOwnership(of: output)
    }

    /// Refuses a regular file, and a non-empty folder without ``marker``.
    package static func checkOwnership(of output: String) throws(OutputRefusal) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw OutputRefusal(path: output, reason: "it is a file, not a folder", fix: "Pass --output a folder, e.g. --output dist.")
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: output) else {
            throw OutputRefusal(path: output, reason: "it cannot be read, so what it holds is unknown", fix: "Check its permissions, or choose another folder.")
        }
        if !entries.isEmpty, !entries.contains(marker) {
            throw OutputRefusal(path: output, reason: "it holds files that no build wrote (it has no `\(marker)`), and a build replaces it whole",
                                fix: "Choose a new or empty folder; if it is the output of an older portal12320, delete it and build again.")
        }
    }
}
